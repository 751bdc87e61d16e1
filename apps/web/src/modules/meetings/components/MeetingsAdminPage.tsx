import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField, VisuallyHidden } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  CANCEL_MEETING_MUTATION,
  CLOSE_MEETING_MUTATION,
  CREATE_MEETING_MUTATION,
  MARK_ATTENDANCE_MUTATION,
  MEETING_ATTENDEES_QUERY,
  MEETINGS_ADMIN_SPACE_QUERY,
  MEETINGS_QUERY,
  PUBLISH_MEETING_MUTATION,
  UPDATE_MEETING_MUTATION,
  type Meeting,
} from '../graphql/meetings';
import { formatMeetingPeriod } from '../meetingDates';
import { localeOf } from '../../ui/utils/dates';
import { MeetingForm } from './MeetingForm';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

const REFETCH = { refetchQueries: ['Meetings'], awaitRefetchQueries: true };

/** `/admin/espaces/:slug/rencontres/:componentId`: create, edit, publish and cancel meetings; check registrants in by code. Space admins. */
export function MeetingsAdminPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const space = useQuery(MEETINGS_ADMIN_SPACE_QUERY, { variables: { slug }, skip: !me });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const meetings = useQuery(MEETINGS_QUERY, {
    variables: { componentId },
    skip: !me,
    fetchPolicy: 'cache-and-network',
  });
  const [create] = useMutation(CREATE_MEETING_MUTATION, REFETCH);
  useDocumentTitle(t('meetings.admin.title'));
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  const error = space.error ?? component.error ?? (!meetings.data ? meetings.error : undefined);
  if (error) return <QueryErrorView error={error} onRetry={() => void meetings.refetch()} />;
  if (!space.data || !component.data || !meetings.data) return <Loading page />;
  if (!space.data.space.viewerCanAdminister) return <AccessDenied signedIn />;
  const s = space.data.space;
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: '/admin', label: t('admin.title') },
          { to: `/admin/espaces/${s.slug}`, label: s.title },
        ]}
        current={component.data.component.title}
      />
      <header className="page__header">
        <p className="eyebrow">{t('spaces.componentType.MEETINGS')}</p>
        <h1 id="page-title">
          {t('meetings.admin.heading', { title: component.data.component.title })}
        </h1>
        <p>
          <Link to={`/espaces/${s.slug}/f/${componentId}`}>{t('meetings.admin.publicPage')}</Link>
        </p>
      </header>
      <section aria-labelledby="meetings-admin-list" className="panel">
        <h2 id="meetings-admin-list">{t('meetings.admin.list')}</h2>
        {meetings.data.meetings.length === 0 ? (
          <p>{t('meetings.admin.none')}</p>
        ) : (
          <ul className="admin-list">
            {meetings.data.meetings.map((m) => (
              <li key={m.id} className="admin-list__item">
                <MeetingAdminRow meeting={m} slug={s.slug} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="meetings-admin-new" className="panel">
        <h2 id="meetings-admin-new">{t('meetings.admin.new')}</h2>
        <MeetingForm
          meeting={null}
          assembly={s.type === 'ASSEMBLY'}
          idPrefix="new-meeting"
          submitLabel={t('meetings.admin.create')}
          onSubmit={async (input) => {
            const result = await create({ variables: { input: { ...input, componentId } } });
            return t('meetings.admin.created', {
              title: result.data?.createMeeting.title ?? input.title,
            });
          }}
        />
      </section>
    </article>
  );
}

function MeetingAdminRow({ meeting, slug }: { meeting: Meeting; slug: string }) {
  const focusAfterRender = useFocusAfterRender();
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const [checkIn, setCheckIn] = useState(false);
  const [closing, setClosing] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [update] = useMutation(UPDATE_MEETING_MUTATION, REFETCH);
  const [publish, publishing] = useMutation(PUBLISH_MEETING_MUTATION, REFETCH);
  const [cancel] = useMutation(CANCEL_MEETING_MUTATION, REFETCH);
  const target = t('meetings.admin.theMeeting', { title: meeting.title });

  async function togglePublished() {
    feedback.clear();
    try {
      await publish({ variables: { id: meeting.id, published: !meeting.published } });
      feedback.succeed(
        t(meeting.published ? 'meetings.admin.unpublished' : 'meetings.admin.published'),
      );
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <div className="admin-row">
      <div className="admin-row__main">
        <h3 className="admin-row__title" ref={titleRef} tabIndex={-1}>
          <Link to={`/espaces/${slug}/f/${meeting.componentId}/rencontres/${meeting.id}`}>
            {meeting.title}
          </Link>
        </h3>
        <p className="muted">
          {formatMeetingPeriod(meeting.startsAt, meeting.endsAt, i18n.language)} ·{' '}
          {t(meeting.published ? 'common.published' : 'common.unpublished')}
          {meeting.cancelled ? ` · ${t('meetings.cancelled')}` : ''}
        </p>
        {meeting.registrationsEnabled ? (
          <p className="muted">
            {t('meetings.registered', { count: meeting.registeredCount })} ·{' '}
            {t('meetings.waitlisted', { count: meeting.waitlistedCount })} ·{' '}
            {t('meetings.attendedCount', { count: meeting.attendedCount })}
          </p>
        ) : null}
        <FeedbackMessages feedback={feedback} />
        {editing ? (
          <MeetingForm
            meeting={meeting}
            idPrefix={`edit-${meeting.id}`}
            submitLabel={t('common.save')}
            onSubmit={async (input) => {
              await update({ variables: { id: meeting.id, input } });
              return t('meetings.admin.saved');
            }}
          />
        ) : null}
        {checkIn ? <CheckInPanel meeting={meeting} /> : null}
        {closing ? <ClosingPanel meeting={meeting} /> : null}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-expanded={editing}
          onClick={() => setEditing((v) => !v)}
        >
          {t('meetings.admin.edit')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        {meeting.registrationsEnabled ? (
          <button
            type="button"
            className="button"
            aria-expanded={checkIn}
            onClick={() => setCheckIn((v) => !v)}
          >
            {t('meetings.admin.checkIn')} <VisuallyHidden>{target}</VisuallyHidden>
          </button>
        ) : null}
        {meeting.state === 'PAST' && meeting.published && !meeting.cancelled ? (
          <button
            type="button"
            className="button"
            aria-expanded={closing}
            onClick={() => setClosing((v) => !v)}
          >
            {t(meeting.closingReport ? 'meetings.admin.editReport' : 'meetings.admin.close')}{' '}
            <VisuallyHidden>{target}</VisuallyHidden>
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => void togglePublished()}
          disabled={publishing.loading}
        >
          {t(meeting.published ? 'admin.unpublish' : 'admin.publish')}{' '}
          <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        {!meeting.cancelled ? (
          <ConfirmButton
            label={t('meetings.admin.cancel')}
            target={target}
            question={t('meetings.admin.cancelQuestion', { title: meeting.title })}
            description={t('meetings.admin.cancelDescription')}
            danger
            onConfirm={async () => {
              try {
                await cancel({ variables: { id: meeting.id, reason: '' } });
                feedback.succeed(t('meetings.admin.cancelledDone'));
              } catch (error) {
                feedback.fail(error);
              }
              focusAfterRender(titleRef);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

/** The organiser's check-in: type a registrant's code; the list shows who is present. */
function CheckInPanel({ meeting }: { meeting: Meeting }) {
  const focusAfterRender = useFocusAfterRender();
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const [code, setCode] = useState('');
  const [field, setField] = useState(false);
  const attendees = useQuery(MEETING_ATTENDEES_QUERY, {
    variables: { meetingId: meeting.id },
    fetchPolicy: 'cache-and-network',
  });
  const [mark, marking] = useMutation(MARK_ATTENDANCE_MUTATION, {
    refetchQueries: ['MeetingAttendees', 'Meetings'],
    awaitRefetchQueries: true,
  });
  const inputId = `checkin-${meeting.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    setField(false);
    try {
      const result = await mark({ variables: { meetingId: meeting.id, code } });
      feedback.succeed(
        t('meetings.admin.checkedIn', { name: result.data?.markAttendance.name ?? '' }),
      );
      setCode('');
    } catch (error) {
      setField(feedback.fail(error).field === 'code');
    }
    focusAfterRender(() => document.getElementById(inputId));
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="subpanel">
      <h4 id={`${inputId}-heading`}>{t('meetings.admin.checkInHeading')}</h4>
      <FeedbackMessages feedback={feedback} />
      <form className="form form--inline" noValidate onSubmit={submit}>
        <TextField
          id={inputId}
          label={t('meetings.admin.code')}
          hint={t('meetings.admin.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          value={code}
          error={field ? feedback.error : null}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={marking.loading || !code.trim()}
          >
            {t('meetings.admin.markPresent')}
          </button>
        </div>
      </form>
      {attendees.data ? (
        <div className="table-wrapper">
          <table className="table">
            <caption>
              {t('meetings.admin.attendees', { count: attendees.data.meetingAttendees.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.admin.name')}</th>
                <th scope="col">{t('meetings.admin.status')}</th>
                <th scope="col">{t('meetings.admin.code')}</th>
                <th scope="col">{t('meetings.admin.presence')}</th>
              </tr>
            </thead>
            <tbody>
              {attendees.data.meetingAttendees.map((a) => (
                <tr key={a.registrationId}>
                  <td>{a.name}</td>
                  <td>
                    {a.status === 'WAITLISTED'
                      ? t('meetings.waitlistPosition', { position: a.waitlistPosition })
                      : t('meetings.registration.REGISTERED')}
                  </td>
                  <td>{a.code}</td>
                  <td>
                    {a.attendedAt
                      ? t('meetings.admin.presentAt', {
                          time: new Intl.DateTimeFormat(localeOf(i18n.language), {
                            hour: '2-digit',
                            minute: '2-digit',
                            timeZone: 'Europe/Paris',
                          }).format(new Date(a.attendedAt)),
                        })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The closing report of a past meeting: minutes (rich text, sanitised by the server), counts, recording link; the first closing notifies registrants and followers. */
export function ClosingPanel({ meeting }: { meeting: Meeting }) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const feedback = useFeedback();
  const report = meeting.closingReport;
  const [values, setValues] = useState({
    minutes: report?.minutes ?? '',
    attendeesCount: String(report?.attendeesCount ?? meeting.attendedCount),
    contributionsCount: String(report?.contributionsCount ?? 0),
    videoUrl: report?.videoUrl ?? '',
  });
  const [field, setField] = useState<string | null>(null);
  const [close, closing] = useMutation(CLOSE_MEETING_MUTATION, REFETCH);
  const id = (name: string) => `close-${meeting.id}-${name}`;
  const errorFor = (name: string) => (field === name ? feedback.error : null);
  const set = (key: keyof typeof values, value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    setField(null);
    try {
      await close({
        variables: {
          meetingId: meeting.id,
          input: {
            minutes: values.minutes,
            attendeesCount: Number(values.attendeesCount),
            contributionsCount: Number(values.contributionsCount),
            videoUrl: values.videoUrl.trim() || null,
            proposalIds: report?.proposalIds ?? [],
          },
        },
      });
      feedback.succeed(t(report ? 'meetings.admin.reportSaved' : 'meetings.admin.closed'));
    } catch (error) {
      const failed = feedback.fail(error).field ?? null;
      setField(failed);
      if (failed) focusAfterRender(() => document.getElementById(id(failed)));
    }
  }

  return (
    <section aria-labelledby={id('heading')} className="subpanel">
      <h4 id={id('heading')}>{t('meetings.admin.reportHeading')}</h4>
      <FeedbackMessages feedback={feedback} />
      <form className="form" noValidate onSubmit={submit}>
        <RichTextField
          id={id('minutes')}
          label={t('meetings.admin.minutes')}
          hint={t('meetings.admin.minutesHint')}
          rows={6}
          required
          value={values.minutes}
          error={errorFor('minutes')}
          onChange={(minutes) => set('minutes', minutes)}
        />
        <div className="field-row">
          <TextField
            id={id('attendeesCount')}
            type="number"
            inputMode="numeric"
            min={0}
            label={t('meetings.admin.attendeesCount')}
            value={values.attendeesCount}
            error={errorFor('attendeesCount')}
            onChange={(e) => set('attendeesCount', e.target.value)}
          />
          <TextField
            id={id('contributionsCount')}
            type="number"
            inputMode="numeric"
            min={0}
            label={t('meetings.admin.contributionsCount')}
            value={values.contributionsCount}
            error={errorFor('contributionsCount')}
            onChange={(e) => set('contributionsCount', e.target.value)}
          />
        </div>
        <TextField
          id={id('videoUrl')}
          type="url"
          label={t('meetings.admin.videoUrl')}
          hint={t('meetings.admin.videoUrlHint')}
          value={values.videoUrl}
          error={errorFor('videoUrl')}
          onChange={(e) => set('videoUrl', e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={closing.loading}>
            {t(report ? 'meetings.admin.saveReport' : 'meetings.admin.closeSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
