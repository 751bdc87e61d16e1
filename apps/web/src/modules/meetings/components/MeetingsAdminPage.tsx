import { useMutation, useQuery } from '@apollo/client/react';
import { MeetingLimits } from '@concerto/domain';
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
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { integerProblem, problemsOf } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
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

/**
 * The organiser's check-in: type a registrant's code (its shape checked before sending; a wrong or
 * unknown code is said on the field, with focus on the error summary); the list shows who is present.
 */
export function CheckInPanel({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const [code, setCode] = useState('');
  const attendees = useQuery(MEETING_ATTENDEES_QUERY, {
    variables: { meetingId: meeting.id },
    fetchPolicy: 'cache-and-network',
  });
  const [mark, marking] = useMutation(MARK_ATTENDANCE_MUTATION, {
    refetchQueries: ['MeetingAttendees', 'Meetings'],
    awaitRefetchQueries: true,
  });
  const inputId = `checkin-${meeting.id}`;
  /** The form's field, by the API's argument name. */
  const fields = { code: { id: inputId, label: t('meetings.admin.code') } };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const typed = code.replace(/[\s-]/g, '').toUpperCase();
    const problems = problemsOf(
      !typed
        ? {
            fieldId: fields.code.id,
            message: t('forms.required', { label: fields.code.label }),
          }
        : !MeetingLimits.codePattern.test(typed) && {
            fieldId: fields.code.id,
            message: t('meetings.admin.codeInvalid', { label: fields.code.label }),
          },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await mark({ variables: { meetingId: meeting.id, code } });
      feedback.succeed(
        t('meetings.admin.checkedIn', { name: result.data?.markAttendance.name ?? '' }),
      );
      setCode('');
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="subpanel">
      <h4 id={`${inputId}-heading`}>{t('meetings.admin.checkInHeading')}</h4>
      <FeedbackMessages feedback={feedback} />
      <form className="form form--inline" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.code)}
          hint={t('meetings.admin.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={marking.loading}>
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

/**
 * The closing report of a past meeting: minutes (rich text, sanitised by the server), counts,
 * recording link; the first closing notifies registrants and followers. Checked with
 * {@link MeetingLimits} before sending; each problem, and each field the API refuses, is shown on
 * its field with focus on the error summary.
 */
export function ClosingPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const report = meeting.closingReport;
  const [values, setValues] = useState({
    minutes: report?.minutes ?? '',
    attendeesCount: String(report?.attendeesCount ?? meeting.attendedCount),
    contributionsCount: String(report?.contributionsCount ?? 0),
    videoUrl: report?.videoUrl ?? '',
  });
  const [close, closing] = useMutation(CLOSE_MEETING_MUTATION, REFETCH);
  const id = (name: string) => `close-${meeting.id}-${name}`;
  /** The form's fields, by the API's input key. */
  const fields = {
    minutes: { id: id('minutes'), label: t('meetings.admin.minutes') },
    attendeesCount: { id: id('attendeesCount'), label: t('meetings.admin.attendeesCount') },
    contributionsCount: {
      id: id('contributionsCount'),
      label: t('meetings.admin.contributionsCount'),
    },
    videoUrl: { id: id('videoUrl'), label: t('meetings.admin.videoUrl') },
  };
  const set = (key: keyof typeof values, value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const minutes = richTextPlain(values.minutes);
    const video = values.videoUrl.trim();
    const problems = problemsOf(
      !minutes
        ? {
            fieldId: fields.minutes.id,
            message: t('forms.required', { label: fields.minutes.label }),
          }
        : minutes.length > MeetingLimits.closingMinutesMaxLength && {
            fieldId: fields.minutes.id,
            message: t('forms.tooLong', {
              label: fields.minutes.label,
              max: MeetingLimits.closingMinutesMaxLength,
            }),
          },
      integerProblem(
        t,
        fields.attendeesCount,
        values.attendeesCount,
        0,
        MeetingLimits.closingCountMax,
      ),
      integerProblem(
        t,
        fields.contributionsCount,
        values.contributionsCount,
        0,
        MeetingLimits.closingCountMax,
      ),
      video !== '' &&
        (!/^https:\/\/\S+$/i.test(video) || video.length > MeetingLimits.onlineUrlMaxLength) && {
          fieldId: fields.videoUrl.id,
          message: t('meetings.admin.videoUrlInvalid', { label: fields.videoUrl.label }),
        },
    );
    summary.report(problems);
    if (problems.length > 0) return;
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
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby={id('heading')} className="subpanel">
      <h4 id={id('heading')}>{t('meetings.admin.reportHeading')}</h4>
      <FeedbackMessages feedback={feedback} />
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <RichTextField
          {...summary.fieldProps(fields.minutes)}
          hint={t('meetings.admin.minutesHint')}
          rows={6}
          required
          value={values.minutes}
          onChange={(minutes) => set('minutes', minutes)}
        />
        <div className="field-row">
          <TextField
            {...summary.fieldProps(fields.attendeesCount)}
            type="number"
            inputMode="numeric"
            min={0}
            value={values.attendeesCount}
            onChange={(e) => set('attendeesCount', e.target.value)}
          />
          <TextField
            {...summary.fieldProps(fields.contributionsCount)}
            type="number"
            inputMode="numeric"
            min={0}
            value={values.contributionsCount}
            onChange={(e) => set('contributionsCount', e.target.value)}
          />
        </div>
        <TextField
          {...summary.fieldProps(fields.videoUrl)}
          type="url"
          hint={t('meetings.admin.videoUrlHint')}
          value={values.videoUrl}
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
