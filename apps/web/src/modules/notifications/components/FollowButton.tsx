import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_MUTATION, UNFOLLOW_MUTATION } from '../graphql/notifications';

/**
 * "Suivre" / "Ne plus suivre" for a proposal or a space. `aria-pressed` tells the state;
 * the caller passes what the API said (`viewerFollows`) and may refetch on change.
 */
export function FollowButton({
  type,
  id,
  following,
  labels,
  onChange,
}: {
  type: 'PROPOSAL' | 'SPACE';
  id: string;
  following: boolean;
  labels?: { follow: string; unfollow: string };
  onChange?: (following: boolean) => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState(following);
  const [follow, { loading: f }] = useMutation(FOLLOW_MUTATION);
  const [unfollow, { loading: u }] = useMutation(UNFOLLOW_MUTATION);
  const text = labels ?? { follow: t('notifications.follow'), unfollow: t('notifications.unfollow') };

  async function toggle() {
    const next = !state;
    if (next) await follow({ variables: { type, id } });
    else await unfollow({ variables: { type, id } });
    setState(next);
    onChange?.(next);
  }

  return (
    <button type="button" className="button button--secondary" aria-pressed={state} disabled={f || u} onClick={() => void toggle()}>
      {state ? text.unfollow : text.follow}
    </button>
  );
}
