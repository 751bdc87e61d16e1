import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useLiveEvent } from '../../notifications/live/LiveConnection';

/** Keeps the cached signature counts of a room's petitions in step with `petition.signaturesChanged`. */
export function useLivePetitionCounts(room: string | null): void {
  const client = useApolloClient();
  const onChange = useCallback(
    (payload: { petitionId: string; signaturesCount: number }) => {
      const id = client.cache.identify({ __typename: 'Petition', id: payload.petitionId });
      if (id)
        client.cache.modify({ id, fields: { signaturesCount: () => payload.signaturesCount } });
    },
    [client],
  );
  useLiveEvent(room, 'petition.signaturesChanged', onChange);
}
