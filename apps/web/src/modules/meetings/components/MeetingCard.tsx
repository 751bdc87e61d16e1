import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../graphql/meetings';
import { formatMeetingPeriod } from '../meetingDates';
import { UserText } from '../../ui/components/UserText';

/**
 * The place of a meeting in one line: place name and address (content, in the content language),
 * or « En ligne » (interface), or both.
 */
export function meetingPlace(
  meeting: Pick<Meeting, 'type' | 'location' | 'address'>,
  online: string,
): ReactNode {
  const physical = [meeting.location, meeting.address].filter(Boolean).join(', ');
  if (meeting.type === 'ONLINE') return online;
  const place = physical ? <UserText>{physical}</UserText> : null;
  if (meeting.type !== 'HYBRID') return place;
  return place ? (
    <>
      {place} · {online}
    </>
  ) : (
    online
  );
}

/** What a card shows of a meeting. */
export type MeetingCardFields = Pick<
  Meeting,
  | 'id'
  | 'title'
  | 'type'
  | 'startsAt'
  | 'endsAt'
  | 'state'
  | 'cancelled'
  | 'published'
  | 'location'
  | 'address'
  | 'registrationsEnabled'
  | 'seatsLeft'
  | 'registeredCount'
  | 'capacity'
  | 'path'
> & { viewerRegistration: Pick<NonNullable<Meeting['viewerRegistration']>, 'status'> | null };

/** A meeting in the list: title (link), date in Europe/Paris, type, place, seats and the viewer's registration. */
export function MeetingCard({
  meeting,
  basePath,
  headingLevel = 3,
}: {
  meeting: MeetingCardFields;
  basePath?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const { t, i18n } = useTranslation();
  const headingId = `meeting-${meeting.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <Heading id={headingId} className="card__title">
        <Link to={basePath ? `${basePath}/rencontres/${meeting.id}` : meeting.path}>
          <UserText>{meeting.title}</UserText>
        </Link>
      </Heading>
      <p className="card__subtitle">
        <time dateTime={meeting.startsAt}>
          {formatMeetingPeriod(meeting.startsAt, meeting.endsAt, i18n.language)}
        </time>
      </p>
      <p className="card__badges">
        <span className="badge">{t(`meetings.type.${meeting.type}`)}</span>{' '}
        <span
          className={`badge badge--state ${meeting.state === 'PAST' ? 'badge--closed' : meeting.state === 'ONGOING' ? 'badge--open' : 'badge--scheduled'}`}
        >
          {t(`meetings.state.${meeting.state}`)}
        </span>
        {meeting.cancelled ? (
          <>
            {' '}
            <span className="badge badge--rejected">{t('meetings.cancelled')}</span>
          </>
        ) : null}
        {!meeting.published ? (
          <>
            {' '}
            <span className="badge badge--draft">{t('common.unpublished')}</span>
          </>
        ) : null}
        {meeting.viewerRegistration ? (
          <>
            {' '}
            <span className="badge badge--accepted">
              {t(`meetings.registration.${meeting.viewerRegistration.status}`)}
            </span>
          </>
        ) : null}
      </p>
      <p className="card__meta">{meetingPlace(meeting, t('meetings.online'))}</p>
      {meeting.registrationsEnabled ? (
        <p className="card__meta">
          {meeting.seatsLeft === null
            ? t('meetings.registered', { count: meeting.registeredCount })
            : t('meetings.seatsLeft', { count: meeting.seatsLeft, capacity: meeting.capacity })}
        </p>
      ) : null}
    </article>
  );
}
