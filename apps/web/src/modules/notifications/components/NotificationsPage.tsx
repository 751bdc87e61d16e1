import { NotificationKind } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import {
  INBOX_QUERY,
  MARK_READ_MUTATION,
  SETTINGS_QUERY,
  UNREAD_COUNT_QUERY,
  UPDATE_SETTINGS_MUTATION,
  type EmailDelivery,
} from '../graphql/notifications';
import { useLiveConnection } from '../live/LiveConnection';
import { DateTime } from '../../ui/components/DateTime';
import { NewsletterSubscriptionSetting } from '../../newsletters/components/NewsletterSubscriptionSetting';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const KINDS = Object.values(NotificationKind);

/** The inbox (newest first, "mark all read", paging) and the notification settings. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.pageTitle'));
  const { me, loading: meLoading } = useMe();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useQuery(INBOX_QUERY, {
    variables: { unreadOnly },
    skip: !me,
    fetchPolicy: 'cache-and-network',
  });
  const { received } = useLiveConnection();
  const [markRead, { loading: marking }] = useMutation(MARK_READ_MUTATION, {
    refetchQueries: [INBOX_QUERY, UNREAD_COUNT_QUERY],
  });

  // a notification arriving live appears in the inbox at once
  const newest = received[0]?.id;
  useEffect(() => {
    if (newest && me) void inbox.refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [newest]);

  if (meLoading) return null;
  if (!me) {
    return (
      <>
        <h1>{t('notifications.pageTitle')}</h1>
        <p>
          <Link to="/connexion">{t('notifications.signInFirst')}</Link>
        </p>
      </>
    );
  }
  const edges = inbox.data?.notifications.edges ?? [];

  return (
    <>
      <h1>{t('notifications.pageTitle')}</h1>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />{' '}
          {t('notifications.onlyUnread')}
        </label>
        <button
          type="button"
          className="button"
          disabled={marking || !inbox.data?.unreadNotificationsCount}
          onClick={() => void markRead({ variables: { ids: null } })}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {edges.length === 0 && !inbox.loading ? <p>{t('notifications.empty')}</p> : null}
      <ul className="notification-list">
        {edges.map(({ node }) => (
          <li
            key={node.id}
            className={node.readAt ? 'notification' : 'notification notification--unread'}
          >
            {!node.readAt ? <span className="badge">{t('notifications.unread')}</span> : null}
            <p className="notification__title" lang={CONTENT_LANGUAGE}>
              {node.title}
            </p>
            <p>
              <Link
                to={node.link}
                lang={CONTENT_LANGUAGE}
                onClick={() => !node.readAt && void markRead({ variables: { ids: [node.id] } })}
              >
                {node.body}
              </Link>
            </p>
            <p className="notification__date">
              <DateTime iso={node.createdAt} style="short" />
            </p>
            {!node.readAt ? (
              <button
                type="button"
                className="button button--link"
                onClick={() => void markRead({ variables: { ids: [node.id] } })}
              >
                {t('notifications.markRead')}
                <span className="visually-hidden">
                  {' '}
                  : <UserText>{node.body}</UserText>
                </span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {inbox.data?.notifications.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void inbox.fetchMore({ variables: { after: inbox.data?.notifications.endCursor } })
          }
        >
          {t('notifications.loadMore')}
        </button>
      ) : null}
      <NotificationSettingsForm />
      <NewsletterSubscriptionSetting />
    </>
  );
}

/** Which kinds to receive, and e-mail delivery. */
function NotificationSettingsForm() {
  const { t } = useTranslation();
  const { data } = useQuery(SETTINGS_QUERY);
  const [save, { loading }] = useMutation(UPDATE_SETTINGS_MUTATION);
  const [disabled, setDisabled] = useState<Set<string>>(new Set());
  const [email, setEmail] = useState<EmailDelivery>('NONE');
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!data) return;
    setDisabled(new Set(data.notificationSettings.disabledKinds));
    setEmail(data.notificationSettings.emailDelivery);
  }, [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save({
      variables: {
        input: { disabledKinds: [...disabled] as NotificationKind[], emailDelivery: email },
      },
    });
    setStatus(t('notifications.saved'));
  }

  return (
    <section aria-labelledby="notification-settings-title" className="panel">
      <h2 id="notification-settings-title">{t('notifications.settingsTitle')}</h2>
      <p>{t('notifications.settingsIntro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('notifications.kindsLegend')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={!disabled.has(kind)}
                onChange={(e) => {
                  const next = new Set(disabled);
                  if (e.target.checked) next.delete(kind);
                  else next.add(kind);
                  setDisabled(next);
                }}
              />{' '}
              {t(`notifications.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('notifications.emailLegend')}</legend>
          {(['NONE', 'IMMEDIATE', 'DIGEST'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="email-delivery"
                value={value}
                checked={email === value}
                onChange={() => setEmail(value)}
              />{' '}
              {t(`notifications.email.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('notifications.save')}
        </button>
        <p role="status" aria-live="polite">
          {status}
        </p>
      </form>
    </section>
  );
}
