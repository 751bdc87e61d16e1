import { SpaceType, TermsDocumentKind } from '@concerto/domain';
import { Route, Routes } from 'react-router';
import { lazyPage, LazyPageOutlet } from './modules/layout/components/LazyPage';
import { AppLayout } from './modules/layout/components/AppLayout';

// Each page is its own chunk, loaded when its route is first shown: the first page downloads
// only the layout, the libraries every page needs and its own code.
const AccountPage = lazyPage(
  () => import('./modules/account/components/AccountPage'),
  'AccountPage',
);
const TermsPage = lazyPage(() => import('./modules/account/components/TermsPage'), 'TermsPage');
const InvitationPage = lazyPage(
  () => import('./modules/assembly/components/InvitationPage'),
  'InvitationPage',
);
const MinutesPage = lazyPage(
  () => import('./modules/assembly/components/MinutesPage'),
  'MinutesPage',
);
const ActionLogPage = lazyPage(
  () => import('./modules/admin/components/ActionLogPage'),
  'ActionLogPage',
);
const AdminPage = lazyPage(() => import('./modules/admin/components/AdminPage'), 'AdminPage');
const SpaceAdminPage = lazyPage(
  () => import('./modules/admin/components/SpaceAdminPage'),
  'SpaceAdminPage',
);
const OrganizationAdminsPage = lazyPage(
  () => import('./modules/admin/components/OrganizationAdminsPage'),
  'OrganizationAdminsPage',
);
const PetitionQueuePage = lazyPage(
  () => import('./modules/admin/components/PetitionQueuePage'),
  'PetitionQueuePage',
);
const PetitionTypesAdminPage = lazyPage(
  () => import('./modules/admin/components/PetitionTypesAdminPage'),
  'PetitionTypesAdminPage',
);
const TermsAdminPage = lazyPage(
  () => import('./modules/admin/components/TermsAdminPage'),
  'TermsAdminPage',
);
const SignInPage = lazyPage(() => import('./modules/auth/components/SignInPage'), 'SignInPage');
const SignUpPage = lazyPage(() => import('./modules/auth/components/SignUpPage'), 'SignUpPage');
const PasswordResetRequestPage = lazyPage(
  () => import('./modules/auth/components/AccountRecoveryPages'),
  'PasswordResetRequestPage',
);
const PasswordResetPage = lazyPage(
  () => import('./modules/auth/components/AccountRecoveryPages'),
  'PasswordResetPage',
);
const EmailConfirmationPage = lazyPage(
  () => import('./modules/auth/components/AccountRecoveryPages'),
  'EmailConfirmationPage',
);
const ComponentPage = lazyPage(
  () => import('./modules/components/components/ComponentPage'),
  'ComponentPage',
);
const ModerationPage = lazyPage(
  () => import('./modules/proposals/components/ModerationPage'),
  'ModerationPage',
);
const ProposalPage = lazyPage(
  () => import('./modules/proposals/components/ProposalPage'),
  'ProposalPage',
);
const StatisticsPage = lazyPage(
  () => import('./modules/statistics/components/StatisticsPage'),
  'StatisticsPage',
);
const HomePage = lazyPage(() => import('./modules/spaces/components/HomePage'), 'HomePage');
const SpaceListPage = lazyPage(
  () => import('./modules/spaces/components/SpaceListPage'),
  'SpaceListPage',
);
const SpacePage = lazyPage(() => import('./modules/spaces/components/SpacePage'), 'SpacePage');
const SurveyListPage = lazyPage(
  () => import('./modules/spaces/components/SurveyListPage'),
  'SurveyListPage',
);
const NotificationsPage = lazyPage(
  () => import('./modules/notifications/components/NotificationsPage'),
  'NotificationsPage',
);
const NotFoundPage = lazyPage(() => import('./modules/ui/components/NotFoundPage'), 'NotFoundPage');
const PetitionPage = lazyPage(
  () => import('./modules/petitions/components/PetitionPage'),
  'PetitionPage',
);
const PetitionSummaryPage = lazyPage(
  () => import('./modules/petitions/components/PetitionSummaryPage'),
  'PetitionSummaryPage',
);
const PetitionInvitationPage = lazyPage(
  () => import('./modules/petitions/components/PetitionInvitationPage'),
  'PetitionInvitationPage',
);
const MeetingPage = lazyPage(
  () => import('./modules/meetings/components/MeetingPage'),
  'MeetingPage',
);
const IdeaBoothPage = lazyPage(
  () => import('./modules/ideas/components/IdeaBoothPage'),
  'IdeaBoothPage',
);
const IdeaResultsPage = lazyPage(
  () => import('./modules/ideas/components/IdeaResultsPage'),
  'IdeaResultsPage',
);
const DebatePage = lazyPage(() => import('./modules/debates/components/DebatePage'), 'DebatePage');
const DebateResultsPage = lazyPage(
  () => import('./modules/debates/components/DebateResultsPage'),
  'DebateResultsPage',
);
const DebatesAdminPage = lazyPage(
  () => import('./modules/debates/components/DebatesAdminPage'),
  'DebatesAdminPage',
);
const MeetingsAdminPage = lazyPage(
  () => import('./modules/meetings/components/MeetingsAdminPage'),
  'MeetingsAdminPage',
);
const NewsPage = lazyPage(() => import('./modules/news/components/NewsPage'), 'NewsPage');
const NewsAdminPage = lazyPage(
  () => import('./modules/news/components/NewsAdminPage'),
  'NewsAdminPage',
);
const MemberProfilePage = lazyPage(
  () => import('./modules/profiles/components/MemberProfilePage'),
  'MemberProfilePage',
);
const AgendaPage = lazyPage(() => import('./modules/meetings/agenda/AgendaPage'), 'AgendaPage');
const SearchPage = lazyPage(() => import('./modules/search/components/SearchPage'), 'SearchPage');
const NewslettersAdminPage = lazyPage(
  () => import('./modules/newsletters/components/NewslettersAdminPage'),
  'NewslettersAdminPage',
);
const NewsletterEditorPage = lazyPage(
  () => import('./modules/newsletters/components/NewsletterEditorPage'),
  'NewsletterEditorPage',
);
const UnsubscribePage = lazyPage(
  () => import('./modules/newsletters/components/UnsubscribePage'),
  'UnsubscribePage',
);
const MemberTypologiesAdminPage = lazyPage(
  () => import('./modules/profiles/components/MemberTypologiesAdminPage'),
  'MemberTypologiesAdminPage',
);
const BallotPage = lazyPage(() => import('./modules/ballots/components/BallotPage'), 'BallotPage');
const ReceiptPage = lazyPage(
  () => import('./modules/ballots/components/ReceiptPage'),
  'ReceiptPage',
);
const VerifyReceiptPage = lazyPage(
  () => import('./modules/ballots/components/VerifyReceiptPage'),
  'VerifyReceiptPage',
);
const BallotsAdminPage = lazyPage(
  () => import('./modules/ballots/components/BallotsAdminPage'),
  'BallotsAdminPage',
);
const SurveyAdminPage = lazyPage(
  () => import('./modules/surveys/components/SurveyAdminPage'),
  'SurveyAdminPage',
);

/** The routes (French paths), all inside the layout; pages load lazily (`LazyPageOutlet` shows « Chargement… »). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route element={<LazyPageOutlet />}>
          <Route index element={<HomePage />} />
          <Route
            path="concertations"
            element={<SpaceListPage key="processes" type={SpaceType.PROCESS} />}
          />
          <Route
            path="assemblees"
            element={<SpaceListPage key="assemblies" type={SpaceType.ASSEMBLY} />}
          />
          <Route path="enquetes" element={<SurveyListPage />} />
          <Route path="chiffres-cles" element={<StatisticsPage />} />
          <Route path="espaces/:slug" element={<SpacePage />} />
          <Route path="espaces/:slug/f/:componentId" element={<ComponentPage />} />
          <Route path="espaces/:slug/proces-verbal" element={<MinutesPage />} />
          <Route path="invitations/:token" element={<InvitationPage />} />
          <Route
            path="espaces/:slug/f/:componentId/propositions/:proposalId"
            element={<ProposalPage />}
          />
          <Route path="espaces/:slug/f/:componentId/moderation" element={<ModerationPage />} />
          <Route
            path="espaces/:slug/f/:componentId/petitions/:petitionId"
            element={<PetitionPage />}
          />
          <Route
            path="espaces/:slug/f/:componentId/petitions/:petitionId/synthese"
            element={<PetitionSummaryPage />}
          />
          <Route path="petitions/comite/:token" element={<PetitionInvitationPage />} />
          <Route
            path="espaces/:slug/f/:componentId/rencontres/:meetingId"
            element={<MeetingPage />}
          />
          <Route path="espaces/:slug/f/:componentId/actualites/:postId" element={<NewsPage />} />
          <Route
            path="espaces/:slug/f/:componentId/votations/verifier"
            element={<VerifyReceiptPage key="any" />}
          />
          <Route path="espaces/:slug/f/:componentId/votations/:ballotId" element={<BallotPage />} />
          <Route
            path="espaces/:slug/f/:componentId/votations/:ballotId/recu"
            element={<ReceiptPage />}
          />
          <Route
            path="espaces/:slug/f/:componentId/votations/:ballotId/verifier"
            element={<VerifyReceiptPage key="one" />}
          />
          <Route path="espaces/:slug/f/:componentId/idees/:boxId" element={<IdeaBoothPage />} />
          <Route
            path="espaces/:slug/f/:componentId/idees/:boxId/resultats"
            element={<IdeaResultsPage />}
          />
          <Route path="espaces/:slug/f/:componentId/debats/:debateId" element={<DebatePage />} />
          <Route
            path="espaces/:slug/f/:componentId/debats/:debateId/resultats"
            element={<DebateResultsPage />}
          />
          <Route path="inscription" element={<SignUpPage />} />
          <Route path="connexion" element={<SignInPage />} />
          <Route path="mot-de-passe-oublie" element={<PasswordResetRequestPage />} />
          {/* the paths of the links the API mails (RESET_PASSWORD_PATH, CONFIRM_EMAIL_PATH) */}
          <Route path="nouveau-mot-de-passe" element={<PasswordResetPage />} />
          <Route path="confirmer-adresse" element={<EmailConfirmationPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="lettre/se-desinscrire" element={<UnsubscribePage />} />
          <Route path="mon-compte" element={<AccountPage />} />
          <Route path="membres/:pseudo" element={<MemberProfilePage />} />
          <Route path="recherche" element={<SearchPage />} />
          <Route path="agenda" element={<AgendaPage />} />
          <Route
            path="conditions"
            element={<TermsPage key="terms" kind={TermsDocumentKind.TERMS} />}
          />
          <Route
            path="confidentialite"
            element={<TermsPage key="privacy" kind={TermsDocumentKind.PRIVACY} />}
          />
          <Route path="admin" element={<AdminPage />} />
          <Route path="admin/journal" element={<ActionLogPage />} />
          <Route path="admin/conditions" element={<TermsAdminPage />} />
          <Route path="admin/administrateurs" element={<OrganizationAdminsPage />} />
          <Route path="admin/petitions" element={<PetitionQueuePage />} />
          <Route path="admin/petitions/types" element={<PetitionTypesAdminPage />} />
          <Route path="admin/typologies" element={<MemberTypologiesAdminPage />} />
          <Route path="admin/lettres" element={<NewslettersAdminPage />} />
          <Route path="admin/lettres/:id" element={<NewsletterEditorPage />} />
          <Route path="admin/espaces/:slug" element={<SpaceAdminPage />} />
          <Route path="admin/enquetes/:componentId" element={<SurveyAdminPage />} />
          <Route
            path="admin/espaces/:slug/rencontres/:componentId"
            element={<MeetingsAdminPage />}
          />
          <Route path="admin/espaces/:slug/actualites/:componentId" element={<NewsAdminPage />} />
          <Route path="admin/espaces/:slug/votations/:componentId" element={<BallotsAdminPage />} />
          <Route path="admin/espaces/:slug/debats/:componentId" element={<DebatesAdminPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
