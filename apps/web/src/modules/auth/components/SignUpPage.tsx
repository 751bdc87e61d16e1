import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useMe } from '../hooks/useMe';
import { SignUpForm } from './SignUpForm';

/** `/inscription` */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  useDocumentTitle(t('auth.signUpTitle'));
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('auth.signUpTitle')}</h1>
      {me ? <p className="notice">{t('auth.alreadySignedIn', { name: me.name })}</p> : null}
      <p>{t('auth.signUpIntro')}</p>
      <SignUpForm onSuccess={(user) => navigate('/', { state: { flash: t('auth.welcome', { name: user.name }) } })} />
      <p>
        {t('auth.haveAccount')} <Link to="/connexion">{t('layout.signIn')}</Link>
      </p>
    </section>
  );
}
