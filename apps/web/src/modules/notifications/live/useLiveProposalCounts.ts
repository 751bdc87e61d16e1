import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useLiveEvent } from './LiveConnection';

/**
 * Keeps `supportsCount` and `disagreementsCount` of the proposals in the Apollo cache in step
 * with the live `proposal.supportsChanged` / `proposal.disagreementsChanged` events of a room
 * (`proposal:<id>` on a proposal page, `component:<id>` on a list), and refreshes the supporters
 * list after a support. A count the viewer is not shown (null: « pas d'accord » off) stays null.
 */
export function useLiveProposalCounts(room: string | null): void {
  const client = useApolloClient();
  const onChange = useCallback(
    (payload: { proposalId: string; supportsCount: number }) => {
      const id = client.cache.identify({ __typename: 'Proposal', id: payload.proposalId });
      if (id)
        client.cache.modify({
          id,
          fields: {
            supportsCount: (current: number | null) =>
              current === null ? null : payload.supportsCount,
          },
        });
      void client.refetchQueries({ include: ['ProposalSupporters'] });
    },
    [client],
  );
  useLiveEvent(room, 'proposal.supportsChanged', onChange);
  const onDisagreements = useCallback(
    (payload: { proposalId: string; disagreementsCount: number }) => {
      const id = client.cache.identify({ __typename: 'Proposal', id: payload.proposalId });
      if (id)
        client.cache.modify({
          id,
          fields: {
            disagreementsCount: (current: number | null) =>
              current === null ? null : payload.disagreementsCount,
          },
        });
    },
    [client],
  );
  useLiveEvent(room, 'proposal.disagreementsChanged', onDisagreements);
}
