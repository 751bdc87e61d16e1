import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { formatDateTime } from '../../ui/utils/dates';
import {
  MY_MEETING_CALENDAR_FEED_QUERY,
  REVOKE_MEETING_CALENDAR_FEED_MUTATION,
  ROTATE_MEETING_CALENDAR_FEED_MUTATION,
} from '../graphql/meetings';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

/**
 * The private calendar feed of one's registrations (account page): make it, copy its URL (shown
 * once: the server keeps only a hash of its token), renew it, revoke it.
 */
export function MeetingCalendarFeed() {
  const focusAfterRender = useFocusAfterRender();
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const { data, refetch } = useQuery(MY_MEETING_CALENDAR_FEED_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [rotate, rotating] = useMutation(ROTATE_MEETING_CALENDAR_FEED_MUTATION);
  const [revoke] = useMutation(REVOKE_MEETING_CALENDAR_FEED_MUTATION);
  const [url, setUrl] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feed = data?.myMeetingCalendarFeed ?? null;

  async function onRotate() {
    feedback.clear();
    try {
      const result = await rotate();
      setUrl(result.data?.rotateMeetingCalendarFeed.url ?? null);
      await refetch();
      feedback.succeed(t('meetings.feed.made'));
      focusAfterRender(urlRef, { select: true });
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function onRevoke() {
    feedback.clear();
    try {
      await revoke();
      setUrl(null);
      await refetch();
      feedback.succeed(t('meetings.feed.revoked'));
    } catch (error) {
      feedback.fail(error);
    }
    focusAfterRender(headingRef);
  }

  async function onCopy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      feedback.succeed(t('meetings.feed.copied'));
    } catch {
      urlRef.current?.select();
      feedback.succeed(t('meetings.feed.copyByHand'));
    }
  }

  return (
    <section aria-labelledby="meeting-feed" className="subpanel">
      <h3 id="meeting-feed" ref={headingRef} tabIndex={-1}>
        {t('meetings.feed.heading')}
      </h3>
      <p className="muted">{t('meetings.feed.explain')}</p>
      <FeedbackMessages feedback={feedback} />
      {url ? (
        <>
          <TextField
            label={t('meetings.feed.url')}
            hint={t('meetings.feed.urlHint')}
            readOnly
            value={url}
            inputRef={urlRef}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p>
            <button type="button" className="button" onClick={() => void onCopy()}>
              {t('meetings.feed.copy')}
            </button>
          </p>
        </>
      ) : feed ? (
        <p>{t('meetings.feed.since', { date: formatDateTime(feed.createdAt, i18n.language) })}</p>
      ) : null}
      <div className="actions">
        {feed ? (
          <>
            <ConfirmButton
              label={t('meetings.feed.renew')}
              question={t('meetings.feed.renewQuestion')}
              onConfirm={onRotate}
              disabled={rotating.loading}
            />{' '}
            <ConfirmButton
              label={t('meetings.feed.revoke')}
              question={t('meetings.feed.revokeQuestion')}
              danger
              onConfirm={onRevoke}
            />
          </>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void onRotate()}
            disabled={rotating.loading}
          >
            {t('meetings.feed.make')}
          </button>
        )}
      </div>
    </section>
  );
}
