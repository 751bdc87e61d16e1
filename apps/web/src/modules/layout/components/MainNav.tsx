import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The three lists and the « Agenda » of meetings; NavLink puts `aria-current="page"` on the active one. */
export function MainNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/concertations', label: t('layout.nav.processes') },
    { to: '/assemblees', label: t('layout.nav.assemblies') },
    { to: '/enquetes', label: t('layout.nav.surveys') },
    { to: '/agenda', label: t('layout.nav.agenda') },
  ];
  return (
    <nav aria-label={t('layout.mainNavLabel')} className="main-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className="main-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
