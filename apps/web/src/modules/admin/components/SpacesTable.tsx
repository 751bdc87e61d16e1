import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { VisuallyHidden } from '../../ui/components/Fields';
import type { AdminSpaceRow } from '../graphql/admin';

/** The administered spaces: title, type, published state, edit and view links. */
export function SpacesTable({ spaces }: { spaces: AdminSpaceRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption>{t('admin.spacesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.columns.title')}</th>
            <th scope="col">{t('admin.columns.type')}</th>
            <th scope="col">{t('admin.columns.state')}</th>
            <th scope="col">{t('admin.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {spaces.map((space) => (
            <tr key={space.id}>
              <th scope="row">
                {space.title} {space.isDemo ? <DemoBadge /> : null}
              </th>
              <td>{t(`spaces.typeLabel.${space.type}`)}</td>
              <td>{t(space.published ? 'common.published' : 'common.unpublished')}</td>
              <td className="table__actions">
                <Link to={`/admin/espaces/${space.slug}`}>
                  {t('admin.editSpace')}{' '}
                  <VisuallyHidden>{t('admin.editSpaceOf', { title: space.title })}</VisuallyHidden>
                </Link>{' '}
                <Link to={`/espaces/${space.slug}`}>
                  {t('admin.view')}{' '}
                  <VisuallyHidden>{t('admin.viewOf', { title: space.title })}</VisuallyHidden>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
