import { useCallback } from 'react';
import { useLiveEvent } from '../../notifications/live/LiveConnection';

/** Calls `onChange` when the box gets a new idea or new scores (`ideaBox.changed` in the room of its component). */
export function useLiveIdeaBox(
  componentId: string,
  boxId: string,
  onChange: (kind: 'IDEA_PUBLISHED' | 'SCORES') => void,
): void {
  const handler = useCallback(
    (payload: { boxId: string; kind: 'IDEA_PUBLISHED' | 'SCORES' }) => {
      if (payload.boxId === boxId) onChange(payload.kind);
    },
    [boxId, onChange],
  );
  useLiveEvent(componentId ? `component:${componentId}` : null, 'ideaBox.changed', handler);
}
