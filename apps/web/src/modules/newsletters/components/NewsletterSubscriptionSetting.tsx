import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  MY_NEWSLETTER_SUBSCRIPTION_QUERY,
  SET_NEWSLETTER_SUBSCRIPTION_MUTATION,
} from '../graphql/newsletters';

/**
 * « Lettre d’information » in the notification settings: one checkbox (off unless the member
 * chose it), saved as soon as it changes; this is also where one re-subscribes after a
 * one-click unsubscription.
 */
export function NewsletterSubscriptionSetting() {
  const { t } = useTranslation();
  const id = useId();
  const feedback = useFeedback();
  const { data, error } = useQuery(MY_NEWSLETTER_SUBSCRIPTION_QUERY, {
    fetchPolicy: 'network-only',
  });
  const [save, { loading }] = useMutation(SET_NEWSLETTER_SUBSCRIPTION_MUTATION);
  const [pending, setPending] = useState<boolean | null>(null);
  const subscribed = pending ?? data?.myNewsletterSubscription.subscribed ?? false;

  async function change(next: boolean) {
    feedback.clear();
    setPending(next);
    try {
      const result = await save({ variables: { subscribed: next } });
      const now = result.data?.setNewsletterSubscription.subscribed ?? next;
      setPending(now);
      feedback.succeed(t(now ? 'newsletters.setting.on' : 'newsletters.setting.off'));
    } catch (caught) {
      setPending(null);
      feedback.fail(caught);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('newsletters.setting.heading')}</h2>
      <div className="field field--checkbox">
        <input
          id={id}
          type="checkbox"
          checked={subscribed}
          disabled={!data || loading}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void change(e.target.checked)}
        />
        <label htmlFor={id}>{t('newsletters.setting.label')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('newsletters.setting.hint')}
        </p>
      </div>
      {error && !data && (
        <p role="alert" className="message message--error">
          {t('newsletters.setting.loadFailed')}
        </p>
      )}
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
