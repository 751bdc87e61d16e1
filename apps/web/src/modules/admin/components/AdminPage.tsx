import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { AdministeredSpaces } from './AdministeredSpaces';
import { NewSpaceForm } from './NewSpaceForm';
import { SpacesTable } from './SpacesTable';

/** `/admin`: the spaces the viewer administers, the petitions queue (`/admin/petitions`); organisation admins can also create spaces, publish the terms (`/admin/conditions`), set the petition types (`/admin/petitions/types`), appoint administrators (`/admin/administrateurs`) edit the members’ typologies (`/admin/typologies`) and write newsletters (`/admin/lettres`). */
export function AdminPage() {
  return (
    <AdministeredSpaces>
      {(spaces, isOrgAdmin) => <AdminHome spaces={spaces} isOrgAdmin={isOrgAdmin} />}
    </AdministeredSpaces>
  );
}

function AdminHome({
  spaces,
  isOrgAdmin,
}: {
  spaces: Parameters<typeof SpacesTable>[0]['spaces'];
  isOrgAdmin: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('admin.title')}</h1>
      <p>
        <Link to="/admin/journal">{t('actionLog.link')}</Link>
      </p>
      <p>
        <Link to="/admin/petitions">{t('petitions.adminPages.queue.link')}</Link>
      </p>
      {isOrgAdmin ? (
        <p>
          <Link to="/admin/petitions/types">{t('petitions.adminPages.types.link')}</Link>
        </p>
      ) : null}
      {isOrgAdmin ? (
        <p>
          <Link to="/admin/conditions">{t('termsAdmin.link')}</Link>
        </p>
      ) : null}
      {isOrgAdmin ? (
        <p>
          <Link to="/admin/administrateurs">{t('organizationAdmins.link')}</Link>
        </p>
      ) : null}
      {isOrgAdmin ? (
        <p>
          <Link to="/admin/typologies">{t('members.typologies.link')}</Link>
        </p>
      ) : null}
      {isOrgAdmin ? (
        <p>
          <Link to="/admin/lettres">{t('newsletters.link')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="admin-spaces">
        <h2 id="admin-spaces">{t('admin.spacesHeading')}</h2>
        {spaces.length === 0 ? <p>{t('admin.noSpaces')}</p> : <SpacesTable spaces={spaces} />}
      </section>
      {isOrgAdmin ? <NewSpaceForm /> : null}
    </section>
  );
}
