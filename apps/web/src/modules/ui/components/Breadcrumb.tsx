import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The "Fil d'Ariane" above a page: links to the pages above it, then the current page's name
 * (`aria-current="page"`), in a labelled `<nav>` with an ordered list.
 * @param trail the pages above, outermost first; a space's or a component's title is wrapped in
 * `UserText` (content language), an interface string is not
 * @param current the name of this page (likewise)
 */
export function Breadcrumb({
  trail,
  current,
}: {
  trail: { to: string; label: ReactNode }[];
  current: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('spaces.breadcrumb')} className="breadcrumb">
      <ol>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
