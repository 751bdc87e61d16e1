import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useCanAdminister, useMe } from '../../auth/hooks/useMe';
import { useSessionActions } from '../../auth/hooks/useSessionActions';
import { NotificationBell } from '../../notifications/components/NotificationBell';

/** Sign-in / sign-up links, or the user's name, "Administration" and "Se déconnecter". */
export function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, loading } = useMe();
  const { canAdminister } = useCanAdminister();
  const { logout, loggingOut } = useSessionActions();

  if (loading) return <div className="account-menu" />;

  async function signOut() {
    try {
      await logout();
    } catch {
      // The session had expired already: the user is signed out either way.
    }
    navigate('/', { state: { flash: t('layout.signedOut') } });
  }

  return (
    <nav aria-label={t('layout.accountNavLabel')} className="account-menu">
      <ul>
        {me ? (
          <>
            <li className="account-menu__name">{t('layout.signedInAs', { name: me.name })}</li>
            <li>
              <NotificationBell />
            </li>
            <li>
              <NavLink to="/mon-compte">{t('layout.myAccount')}</NavLink>
            </li>
            {canAdminister ? (
              <li>
                <NavLink to="/admin">{t('layout.admin')}</NavLink>
              </li>
            ) : null}
            <li>
              <button
                type="button"
                className="button button--link"
                onClick={() => void signOut()}
                disabled={loggingOut}
              >
                {t('layout.signOut')}
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/connexion">{t('layout.signIn')}</NavLink>
            </li>
            <li>
              <NavLink to="/inscription">{t('layout.signUp')}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
