import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';

/** "Accès réservé aux administrateurs", with a sign-in link for visitors. */
export function AccessDenied({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  useDocumentTitle(t('admin.forbidden'));
  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('admin.forbidden')}</h1>
      <p>{t('admin.forbiddenBody')}</p>
      {signedIn ? (
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      ) : (
        <p>
          {t('admin.signInPrompt')}{' '}
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('layout.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}
