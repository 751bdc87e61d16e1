import { useQuery } from '@apollo/client/react';
import { ADMINISTERED_SPACES_QUERY, ME_QUERY, type Me } from '../graphql/auth';

export interface MeState {
  /** The signed-in user, or null when signed out (or not known yet). */
  me: Me | null;
  /** True until the first answer. */
  loading: boolean;
}

/** The signed-in user (`me` query, kept in the cache; refetched after sign-in and sign-out). */
export function useMe(): MeState {
  const { data, loading } = useQuery(ME_QUERY);
  return { me: data?.me ?? null, loading: loading && !data };
}

/**
 * Whether the viewer may open the administration: organisation admins, and users who
 * administer at least one space.
 */
export function useCanAdminister(): { canAdminister: boolean; loading: boolean } {
  const { me, loading } = useMe();
  const spaces = useQuery(ADMINISTERED_SPACES_QUERY, { skip: !me || me.isAdmin });
  if (!me) return { canAdminister: false, loading };
  if (me.isAdmin) return { canAdminister: true, loading: false };
  return {
    canAdminister: Boolean(spaces.data?.spaces.some((space) => space.viewerCanAdminister)),
    loading: spaces.loading && !spaces.data,
  };
}
