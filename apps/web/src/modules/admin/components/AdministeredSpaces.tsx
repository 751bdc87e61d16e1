import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useMe } from '../../auth/hooks/useMe';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ADMIN_SPACES_QUERY, type AdminSpaceRow } from '../graphql/admin';
import { AccessDenied } from './AccessDenied';

/**
 * The gate of the admin pages: loads the viewer and the spaces they administer (all of them
 * for an organization admin), shows loading, errors or "access denied" (signed out, or no
 * space to administer), then renders `children` with those spaces.
 * @param children renders the page from the administered spaces and whether the viewer is an organization admin
 */
export function AdministeredSpaces({
  children,
}: {
  children: (spaces: AdminSpaceRow[], isOrgAdmin: boolean) => ReactNode;
}) {
  const { me, loading: meLoading } = useMe();
  const { data, loading, error, refetch } = useQuery(ADMIN_SPACES_QUERY, { skip: !me });
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading page />;
  const spaces = (data?.spaces ?? []).filter((space) => me.isAdmin || space.viewerCanAdminister);
  if (!me.isAdmin && spaces.length === 0) return <AccessDenied signedIn />;
  return <>{children(spaces, me.isAdmin)}</>;
}
