import { useMutation, useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  CANCEL_MEETING_REGISTRATION_MUTATION,
  MEETING_QUERY,
  REGISTER_FOR_MEETING_MUTATION,
  type Meeting,
  type MeetingAgendaEntry,
  type MeetingAgendaItem,
  type MeetingAgendaLink,
  type MeetingClosingReport,
} from '../graphql/meetings';
import { formatMeetingDay, formatMeetingPeriod, formatMeetingTime } from '../meetingDates';
import { meetingPlace } from './MeetingCard';
import { AttendanceQrCode } from './AttendanceQrCode';
import { MeetingComments } from './MeetingComments';
import { SittingPanel } from './SittingPanel';
import { ReportForm } from '../../moderation/components/ReportForm';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug/f/:componentId/rencontres/:meetingId`: a meeting — date, place, agenda, registration, calendar file. */
export function MeetingPage() {
  const { slug = '', componentId = '', meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(MEETING_QUERY, { variables: { id: meetingId } });
  const meeting = data?.meeting;
  useDocumentTitle(meeting ? meeting.title : error ? null : t('common.loading'));
  if (error && !meeting) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!meeting || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          {
            to: isProcess ? '/concertations' : '/assemblees',
            label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies'),
          },
          { to: `/espaces/${s.slug}`, label: <UserText>{s.title}</UserText> },
          {
            to: `/espaces/${s.slug}/f/${componentId}`,
            label: <UserText>{component.data.component.title}</UserText>,
          },
        ]}
        current={<UserText>{meeting.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t(`meetings.type.${meeting.type}`)}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {meeting.title}
        </h1>
        <p className="lead">
          <time dateTime={meeting.startsAt}>
            {formatMeetingPeriod(meeting.startsAt, meeting.endsAt, i18n.language)}
          </time>
        </p>
        <p>
          <span className="badge badge--state">{t(`meetings.state.${meeting.state}`)}</span>
          {meeting.cancelled ? (
            <>
              {' '}
              <span className="badge badge--rejected">{t('meetings.cancelled')}</span>
            </>
          ) : null}
        </p>
        {meeting.cancelled && meeting.cancellationReason ? (
          <p className="notice">
            {t('meetings.cancellationReason', { reason: meeting.cancellationReason })}
          </p>
        ) : null}
      </header>
      <section aria-labelledby="meeting-place" className="panel">
        <h2 id="meeting-place">{t('meetings.where')}</h2>
        <p>{meetingPlace(meeting, t('meetings.online'))}</p>
        {meeting.locationHints ? (
          <p className="muted" lang={CONTENT_LANGUAGE}>
            {meeting.locationHints}
          </p>
        ) : null}
        {meeting.onlineUrl ? (
          <p>
            <a href={meeting.onlineUrl} rel="noopener noreferrer nofollow">
              {t('meetings.join')}
            </a>
          </p>
        ) : meeting.hasOnlineUrl ? (
          <p className="muted">{t('meetings.urlLater')}</p>
        ) : null}
        <p>
          <a href={meeting.icsPath} download>
            {t('meetings.addToCalendar')}
          </a>
        </p>
      </section>
      {meeting.description ? <SafeHtml html={meeting.description} className="prose" /> : null}
      {meeting.closingReport ? <ClosingReport report={meeting.closingReport} /> : null}
      {meeting.agenda.length ? <MeetingAgenda items={meeting.agenda} /> : null}
      {meeting.registrationsEnabled ? <RegistrationPanel meeting={meeting} /> : null}
      {s.type === 'ASSEMBLY' ? <SittingPanel meetingId={meeting.id} /> : null}
      {me ? (
        <ReportForm
          resourceType="MEETING"
          resourceId={meeting.id}
          target={meeting.title}
          reported={meeting.viewerReported}
          refetchQueries={['Meeting']}
        />
      ) : null}
      <MeetingComments meetingId={meeting.id} />
    </article>
  );
}

/** Seats, the viewer's registration (status, waiting-list position, attendance code) and the register / cancel actions. */
function RegistrationPanel({ meeting }: { meeting: Meeting }) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [register, registering] = useMutation(REGISTER_FOR_MEETING_MUTATION);
  const [cancel] = useMutation(CANCEL_MEETING_REGISTRATION_MUTATION);
  const mine = meeting.viewerRegistration;
  const focusHeading = () => focusAfterRender(headingRef);

  async function onRegister() {
    feedback.clear();
    try {
      const result = await register({ variables: { meetingId: meeting.id } });
      const status = result.data?.registerForMeeting.viewerRegistration?.status;
      feedback.succeed(
        t(status === 'WAITLISTED' ? 'meetings.waitlistedDone' : 'meetings.registeredDone'),
      );
    } catch (error) {
      feedback.fail(error);
    }
    focusHeading();
  }

  async function onCancel() {
    feedback.clear();
    try {
      await cancel({ variables: { meetingId: meeting.id } });
      feedback.succeed(t('meetings.cancelledDone'));
    } catch (error) {
      feedback.fail(error);
    }
    focusHeading();
  }

  return (
    <section aria-labelledby="meeting-registration" className="panel">
      <h2 id="meeting-registration" ref={headingRef} tabIndex={-1}>
        {t('meetings.registrationHeading')}
      </h2>
      <p>
        {meeting.seatsLeft === null
          ? t('meetings.registered', { count: meeting.registeredCount })
          : t('meetings.seatsLeft', { count: meeting.seatsLeft, capacity: meeting.capacity })}
        {meeting.waitlistedCount
          ? ` · ${t('meetings.waitlisted', { count: meeting.waitlistedCount })}`
          : ''}
      </p>
      <FeedbackMessages feedback={feedback} />
      {mine ? (
        <div className="subpanel">
          {mine.status === 'REGISTERED' ? (
            <p>{t('meetings.youAreRegistered')}</p>
          ) : (
            <p>{t('meetings.youAreWaitlisted', { position: mine.waitlistPosition })}</p>
          )}
          {mine.status === 'REGISTERED' ? (
            <p>
              {t('meetings.yourCode')} <strong className="attendance-code">{mine.code}</strong>
              {mine.attendedAt ? <> · {t('meetings.attended')}</> : null}
            </p>
          ) : null}
          {mine.status === 'REGISTERED' ? <AttendanceQrCode code={mine.code} /> : null}
          {meeting.state === 'UPCOMING' ? (
            <ConfirmButton
              label={t(
                mine.status === 'REGISTERED'
                  ? 'meetings.cancelRegistration'
                  : 'meetings.leaveWaitlist',
              )}
              question={t('meetings.cancelQuestion', { title: meeting.title })}
              confirmLabel={t('meetings.cancelConfirm')}
              danger
              onConfirm={onCancel}
            />
          ) : null}
        </div>
      ) : !me ? (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('meetings.signInToRegister')}
          </Link>
        </p>
      ) : meeting.registrationsOpen ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void onRegister()}
          disabled={registering.loading}
        >
          {meeting.seatsLeft === 0 ? t('meetings.joinWaitlist') : t('meetings.register')}
        </button>
      ) : (
        <p className="muted">{t('meetings.registrationsClosed')}</p>
      )}
    </section>
  );
}

/** The agenda (ordre du jour): items with their planned times in Europe/Paris and durations, one level of sub-items, linked proposals and motions. */
export function MeetingAgenda({ items }: { items: MeetingAgendaItem[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="meeting-agenda" className="meeting-agenda">
      <h2 id="meeting-agenda">{t('meetings.agenda')}</h2>
      <ol className="meeting-agenda__items">
        {items.map((item) => (
          <AgendaEntry key={item.id} item={item} subItems={item.children} />
        ))}
      </ol>
    </section>
  );
}

/** One agenda item; a top-level item shows its sub-items (the agenda has one level of them). */
function AgendaEntry({
  item,
  subItems = [],
}: {
  item: MeetingAgendaEntry;
  subItems?: readonly MeetingAgendaEntry[];
}) {
  const { t, i18n } = useTranslation();
  const links = item.links;
  return (
    <li className="meeting-agenda__item">
      <p>
        <time dateTime={item.startsAt} className="meeting-agenda__time">
          {t('meetings.agendaTime', {
            from: formatMeetingTime(item.startsAt, i18n.language),
            to: formatMeetingTime(item.endsAt, i18n.language),
          })}
        </time>{' '}
        <strong lang={CONTENT_LANGUAGE}>{item.title}</strong>
        {item.durationMinutes ? (
          <span className="muted"> ({t('meetings.minutes', { count: item.durationMinutes })})</span>
        ) : null}
      </p>
      {links.length ? (
        <LinkedResources links={links} label={t('meetings.agendaLinks', { title: item.title })} />
      ) : null}
      {subItems.length ? (
        <ol className="meeting-agenda__items meeting-agenda__items--sub">
          {subItems.map((child) => (
            <AgendaEntry key={child.id} item={child} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function LinkedResources({ links, label }: { links: MeetingAgendaLink[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="meeting-agenda__links" aria-label={label}>
      {links.map((link) => (
        <li key={`${link.type}-${link.id}`}>
          <span className="muted">{t(`meetings.linkType.${link.type}`)} </span>
          <Link to={link.path} lang={CONTENT_LANGUAGE}>
            {link.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The closing report (compte rendu): minutes, counts, linked proposals, recording. */
function ClosingReport({ report }: { report: MeetingClosingReport }) {
  const { t, i18n } = useTranslation();
  const proposals = report.proposals;
  return (
    <section aria-labelledby="meeting-report" className="panel">
      <h2 id="meeting-report">{t('meetings.report.heading')}</h2>
      <p className="muted">
        {t('meetings.report.closedOn', { date: formatMeetingDay(report.closedAt, i18n.language) })}
      </p>
      <SafeHtml html={report.minutes} className="prose" />
      <ul>
        <li>{t('meetings.report.attendees', { count: report.attendeesCount })}</li>
        <li>{t('meetings.report.contributions', { count: report.contributionsCount })}</li>
      </ul>
      {proposals.length ? (
        <>
          <h3>{t('meetings.report.proposals')}</h3>
          <LinkedResources links={proposals} label={t('meetings.report.proposals')} />
        </>
      ) : null}
      {report.videoUrl ? (
        <p>
          <a href={report.videoUrl} rel="noopener noreferrer nofollow">
            {t('meetings.report.video')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
