import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmailConfirmationNotice } from '../../auth/components/EmailConfirmationNotice';
import { useMe } from '../../auth/hooks/useMe';
import { MyPetitionsSection } from '../../petitions/components/MyPetitionsSection';
import { Loading } from '../../ui/components/Loading';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import '../account.css';
import { ProfileSection } from '../../profiles/components/ProfileSection';
import { IdentitiesSection } from '../../identities/components/IdentitiesSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DataExportSection } from './DataExportSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { TermsAcceptancesSection } from './TermsAcceptancesSection';
import { MyMeetingRegistrations } from '../../meetings/components/MyMeetingRegistrations';

/** `/mon-compte`: the member’s profile (« Mon profil »), « Mes pétitions », registrations to meetings, linked OpenID Connect identities, change of password, download of one's data, accepted terms, deletion of the account. */
export function AccountPage() {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  useDocumentTitle(t('account.title'));
  if (loading) return <Loading />;
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('account.title')}</h1>
      {me ? (
        <>
          <p className="account-meta">
            {t('account.signedInAs', { name: me.name, email: me.email })}
          </p>
          <EmailConfirmationNotice />
          <ProfileSection />
          <MyPetitionsSection />
          <MyMeetingRegistrations />
          <IdentitiesSection />
          <ChangePasswordSection />
          <DataExportSection />
          <TermsAcceptancesSection />
          <DeleteAccountSection />
        </>
      ) : (
        <p>
          {t('account.signInFirst')} <Link to="/connexion">{t('layout.signIn')}</Link>
        </p>
      )}
    </section>
  );
}
