import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useMe } from '../hooks/useMe';
import { ProviderSignIn } from '../../identities/components/ProviderSignIn';
import { SignInForm } from './SignInForm';

/** Where to go after signing in: the page that sent the user here, if it is one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** `/connexion` */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useMe();
  useDocumentTitle(t('auth.signInTitle'));
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.signInTitle')}</h1>
      {me ? <p className="notice">{t('auth.alreadySignedIn', { name: me.name })}</p> : null}
      <ProviderSignIn returnTo={returnPath(location.state)} />
      <SignInForm
        onSuccess={(user) =>
          navigate(returnPath(location.state), {
            state: { flash: t('auth.welcome', { name: user.name }) },
          })
        }
      />
      <p>
        <Link to="/mot-de-passe-oublie">{t('recovery.forgotPassword')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/inscription">{t('layout.signUp')}</Link>
      </p>
    </section>
  );
}
