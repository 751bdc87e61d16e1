import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { UNREAD_COUNT_QUERY } from '../graphql/notifications';

/** Header link to the inbox with the unread count, refreshed when a notification arrives live. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(UNREAD_COUNT_QUERY, { fetchPolicy: 'cache-and-network' });
  const count = data?.unreadNotificationsCount ?? 0;
  return (
    <NavLink to="/notifications" className="notification-bell">
      <span aria-hidden="true">🔔</span>{' '}
      {count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      {count > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </NavLink>
  );
}
