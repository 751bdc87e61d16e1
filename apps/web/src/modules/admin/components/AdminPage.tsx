import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { AccessDenied } from './AccessDenied';
import { NewSpaceForm } from './NewSpaceForm';
import { SpacesTable } from './SpacesTable';

/** `/admin`: the spaces the viewer administers; organisation admins can also create spaces. */
export function AdminPage() {
  const { me, loading: meLoading } = useMe();
  const { data, loading, error, refetch } = useQuery(ADMIN_SPACES_QUERY, { skip: !me });
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading page />;
  const spaces = (data?.spaces ?? []).filter((space) => me.isAdmin || space.viewerCanAdminister);
  if (!me.isAdmin && spaces.length === 0) return <AccessDenied signedIn />;
  return <AdminHome spaces={spaces} isOrgAdmin={me.isAdmin} />;
}

function AdminHome({ spaces, isOrgAdmin }: { spaces: Parameters<typeof SpacesTable>[0]['spaces']; isOrgAdmin: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('admin.title')}</h1>
      <p>
        <Link to="/admin/journal">{t('actionLog.link')}</Link>
      </p>
      <section aria-labelledby="admin-spaces">
        <h2 id="admin-spaces">{t('admin.spacesHeading')}</h2>
        {spaces.length === 0 ? <p>{t('admin.noSpaces')}</p> : <SpacesTable spaces={spaces} />}
      </section>
      {isOrgAdmin ? <NewSpaceForm /> : null}
    </section>
  );
}
