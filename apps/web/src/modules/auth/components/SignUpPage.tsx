import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useMe } from '../hooks/useMe';
import { ProviderSignIn } from '../../identities/components/ProviderSignIn';
import { SignUpForm } from './SignUpForm';

/** `/inscription` (`?email=…`: the address an invitation was sent to, pre-filled) */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const [params] = useSearchParams();
  useDocumentTitle(t('auth.signUpTitle'));
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.signUpTitle')}</h1>
      {me ? <p className="notice">{t('auth.alreadySignedIn', { name: me.name })}</p> : null}
      <p>{t('auth.signUpIntro')}</p>
      <ProviderSignIn returnTo="/" />
      <SignUpForm
        initialEmail={params.get('email') ?? ''}
        onSuccess={(user, notice) =>
          navigate('/', {
            state: {
              flash: [t('auth.welcome', { name: user.name }), notice].filter(Boolean).join(' '),
            },
          })
        }
      />
      <p>
        {t('auth.haveAccount')} <Link to="/connexion">{t('layout.signIn')}</Link>
      </p>
    </section>
  );
}
