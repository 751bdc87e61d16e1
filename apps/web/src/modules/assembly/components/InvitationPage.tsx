import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { ACCEPT_ASSEMBLY_INVITATION_MUTATION } from '../graphql/assembly';

/** `/invitations/:token`: the invitee signs in (or signs up with the invited address) and accepts. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me, loading } = useMe();
  const [accept, state] = useMutation(ACCEPT_ASSEMBLY_INVITATION_MUTATION, {
    refetchQueries: ['AssemblyMembers'],
  });
  useDocumentTitle(t('invitations.pageTitle'));
  if (loading) return <Loading page />;
  return (
    <article className="page" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title">{t('invitations.pageTitle')}</h1>
      </header>
      {state.data ? (
        <p role="status" className="message message--success">
          {t('invitations.welcome', { name: state.data.acceptAssemblyInvitation.userName })}{' '}
          <Link to="/assemblees">{t('layout.nav.assemblies')}</Link>
        </p>
      ) : me ? (
        <>
          <p>{t('invitations.acceptIntro', { email: me.email })}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={state.loading}
            onClick={() => void accept({ variables: { token } }).catch(() => undefined)}
          >
            {t('invitations.accept')}
          </button>
          {state.error ? (
            <ErrorAlert message={errorMessage(parseApiError(state.error), t, i18n.language)} />
          ) : null}
        </>
      ) : (
        <p>
          {t('invitations.signInFirst')} <Link to="/connexion">{t('invitations.signIn')}</Link> ·{' '}
          <Link to="/inscription">{t('invitations.signUp')}</Link>
        </p>
      )}
    </article>
  );
}
