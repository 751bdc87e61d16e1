import { Rooms } from '@concerto/domain';
import { useCallback } from 'react';
import { useLiveEvent } from '../../notifications/live/LiveConnection';

/**
 * Calls `onChange` (typically the Apollo `refetch` of the ballot or the list) whenever a vote
 * moves the turnout: `ballot.turnoutChanged` in the room `ballot:<id>` (one ballot's page) or
 * `component:<id>` (the list of a votes component). Nothing is watched while `target` is null,
 * e.g. when no ballot shown is open (the turnout of a closed ballot no longer moves).
 * @param target the ballot or the component to watch, or null
 */
export function useLiveBallotTurnout(
  target: { ballotId: string } | { componentId: string } | null,
  onChange: (ballotId: string) => void,
): void {
  const room = !target
    ? null
    : 'ballotId' in target
      ? target.ballotId
        ? Rooms.ballot(target.ballotId)
        : null
      : target.componentId
        ? Rooms.component(target.componentId)
        : null;
  const handler = useCallback(
    (payload: { ballotId: string }) => onChange(payload.ballotId),
    [onChange],
  );
  useLiveEvent(room, 'ballot.turnoutChanged', handler);
}
