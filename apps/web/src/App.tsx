import { SpaceType, TermsDocumentKind } from '@concerto/domain';
import { Route, Routes } from 'react-router';
import { AccountPage } from './modules/account/components/AccountPage';
import { TermsPage } from './modules/account/components/TermsPage';
import { InvitationPage } from './modules/assembly/components/InvitationPage';
import { MinutesPage } from './modules/assembly/components/MinutesPage';
import { ActionLogPage } from './modules/admin/components/ActionLogPage';
import { AdminPage } from './modules/admin/components/AdminPage';
import { SpaceAdminPage } from './modules/admin/components/SpaceAdminPage';
import { OrganizationAdminsPage } from './modules/admin/components/OrganizationAdminsPage';
import { TermsAdminPage } from './modules/admin/components/TermsAdminPage';
import { SignInPage } from './modules/auth/components/SignInPage';
import { SignUpPage } from './modules/auth/components/SignUpPage';
import { ComponentPage } from './modules/components/components/ComponentPage';
import { AppLayout } from './modules/layout/components/AppLayout';
import { ModerationPage } from './modules/proposals/components/ModerationPage';
import { ProposalPage } from './modules/proposals/components/ProposalPage';
import { HomePage } from './modules/spaces/components/HomePage';
import { SpaceListPage } from './modules/spaces/components/SpaceListPage';
import { SpacePage } from './modules/spaces/components/SpacePage';
import { SurveyListPage } from './modules/spaces/components/SurveyListPage';
import { NotificationsPage } from './modules/notifications/components/NotificationsPage';
import { NotFoundPage } from './modules/ui/components/NotFoundPage';
import { SurveyAdminPage } from './modules/surveys/components/SurveyAdminPage';

/** The routes (French paths), all inside the layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="concertations" element={<SpaceListPage key="processes" type={SpaceType.PROCESS} />} />
        <Route path="assemblees" element={<SpaceListPage key="assemblies" type={SpaceType.ASSEMBLY} />} />
        <Route path="enquetes" element={<SurveyListPage />} />
        <Route path="espaces/:slug" element={<SpacePage />} />
        <Route path="espaces/:slug/f/:componentId" element={<ComponentPage />} />
        <Route path="espaces/:slug/proces-verbal" element={<MinutesPage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="espaces/:slug/f/:componentId/propositions/:proposalId" element={<ProposalPage />} />
        <Route path="espaces/:slug/f/:componentId/moderation" element={<ModerationPage />} />
        <Route path="inscription" element={<SignUpPage />} />
        <Route path="connexion" element={<SignInPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="mon-compte" element={<AccountPage />} />
        <Route path="conditions" element={<TermsPage key="terms" kind={TermsDocumentKind.TERMS} />} />
        <Route path="confidentialite" element={<TermsPage key="privacy" kind={TermsDocumentKind.PRIVACY} />} />
        <Route path="admin" element={<AdminPage />} />
        <Route path="admin/journal" element={<ActionLogPage />} />
        <Route path="admin/conditions" element={<TermsAdminPage />} />
        <Route path="admin/administrateurs" element={<OrganizationAdminsPage />} />
        <Route path="admin/espaces/:slug" element={<SpaceAdminPage />} />
        <Route path="admin/enquetes/:componentId" element={<SurveyAdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
