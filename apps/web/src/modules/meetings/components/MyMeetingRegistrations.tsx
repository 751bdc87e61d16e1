import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MY_MEETING_REGISTRATIONS_QUERY } from '../graphql/meetings';
import { formatMeetingPeriod } from '../meetingDates';
import { MeetingCalendarFeed } from './MeetingCalendarFeed';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** « Mes inscriptions » (account page): the caller's meetings, upcoming first, with seat or waiting-list position, and the private calendar feed. */
export function MyMeetingRegistrations() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(MY_MEETING_REGISTRATIONS_QUERY, { fetchPolicy: 'cache-and-network' });
  const meetings = data?.myMeetingRegistrations ?? [];
  return (
    <section aria-labelledby="my-meetings" className="panel">
      <h2 id="my-meetings">{t('meetings.mine.heading')}</h2>
      {meetings.length === 0 ? (
        <p className="muted">{t('meetings.mine.none')}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={m.path} lang={CONTENT_LANGUAGE}>
                {m.title}
              </Link>{' '}
              — {formatMeetingPeriod(m.startsAt, m.endsAt, i18n.language)} ·{' '}
              {m.viewerRegistration?.status === 'WAITLISTED'
                ? t('meetings.waitlistPosition', {
                    position: m.viewerRegistration.waitlistPosition,
                  })
                : t('meetings.registration.REGISTERED')}
              {m.cancelled ? ` · ${t('meetings.cancelled')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <MeetingCalendarFeed />
    </section>
  );
}
