import { MeetingLimits, MeetingType } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary, type FormField } from '../../ui/feedback/ErrorSummary';
import { integerProblem, problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import type { Meeting, MeetingAgendaItemInput, MeetingFieldsInput } from '../graphql/meetings';
import { isoToParisLocal, parisLocalToIso } from '../meetingDates';

interface Values {
  title: string;
  type: MeetingType;
  startsAt: string;
  endsAt: string;
  location: string;
  address: string;
  locationHints: string;
  onlineUrl: string;
  description: string;
  registrationsEnabled: boolean;
  capacity: string;
  waitlistEnabled: boolean;
  agenda: string;
  published: boolean;
  isSitting: boolean;
}

/**
 * Agenda lines → items: « Titre ; 30 » is an item of 30 minutes, a line starting with « - » is a
 * sub-item of the item above it. A missing duration is sent as 0, which the API refuses with the
 * item named. Links to proposals and motions are kept by sending the agenda only when its text changed.
 */
export function parseAgenda(text: string): MeetingAgendaItemInput[] {
  const items: MeetingAgendaItemInput[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const sub = /^[-–•]\s*/.exec(line);
    const rest = sub ? line.slice(sub[0].length) : line;
    const m = /^(.*?)\s*;\s*(\d{1,4})\s*$/.exec(rest);
    const item = m
      ? { title: m[1], durationMinutes: Number(m[2]) }
      : { title: rest, durationMinutes: 0 };
    const parent = items[items.length - 1];
    if (sub && parent) parent.children = [...(parent.children ?? []), item];
    else items.push(item);
  }
  return items;
}

/** Items → the lines {@link parseAgenda} reads. */
export function agendaText(
  items: {
    title: string;
    durationMinutes: number;
    children?: { title: string; durationMinutes: number }[];
  }[],
): string {
  const line = (a: { title: string; durationMinutes: number }) =>
    a.durationMinutes ? `${a.title} ; ${a.durationMinutes}` : a.title;
  return items
    .flatMap((a) => [line(a), ...(a.children ?? []).map((c) => `- ${line(c)}`)])
    .join('\n');
}

const valuesOf = (m: Meeting | null): Values => ({
  title: m?.title ?? '',
  type: m?.type ?? MeetingType.IN_PERSON,
  startsAt: m ? isoToParisLocal(m.startsAt) : '',
  endsAt: m ? isoToParisLocal(m.endsAt) : '',
  location: m?.location ?? '',
  address: m?.address ?? '',
  locationHints: m?.locationHints ?? '',
  onlineUrl: m?.onlineUrl ?? '',
  description: m?.description ?? '',
  registrationsEnabled: m?.registrationsEnabled ?? true,
  capacity: String(m?.capacity ?? 0),
  waitlistEnabled: m?.waitlistEnabled ?? true,
  agenda: agendaText(m?.agenda ?? []),
  published: m?.published ?? false,
  isSitting: false,
});

/**
 * Creates or edits a meeting: times are typed in Europe/Paris (`datetime-local`) and sent as UTC
 * instants. The fields are checked with the API's limits ({@link MeetingLimits}) before sending;
 * each problem, and each field the API refuses, is said on its field, focus on the error summary.
 */
export function MeetingForm({
  meeting,
  onSubmit,
  submitLabel,
  idPrefix,
  assembly = false,
}: {
  meeting: Meeting | null;
  /** The space is an Assemblée: a new meeting can be one of its sittings. */
  assembly?: boolean;
  submitLabel: string;
  idPrefix: string;
  onSubmit: (input: MeetingFieldsInput & { published?: boolean }) => Promise<string>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const [values, setValues] = useState<Values>(() => valuesOf(meeting));
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const field = (name: string, label: string): FormField => ({
    id: `${idPrefix}-${name}`,
    label: t(label),
  });
  /** The form's fields, by the API's input key. */
  const fields = {
    title: field('title', 'meetings.form.title'),
    startsAt: field('startsAt', 'meetings.form.startsAt'),
    endsAt: field('endsAt', 'meetings.form.endsAt'),
    location: field('location', 'meetings.form.location'),
    address: field('address', 'meetings.form.address'),
    locationHints: field('locationHints', 'meetings.form.locationHints'),
    onlineUrl: field('onlineUrl', 'meetings.form.onlineUrl'),
    description: field('description', 'meetings.form.description'),
    agenda: field('agenda', 'meetings.form.agenda'),
    capacity: field('capacity', 'meetings.form.capacity'),
  };

  function check(startsAt: string | null, endsAt: string | null) {
    const inPerson = values.type !== MeetingType.ONLINE;
    const online = values.type !== MeetingType.IN_PERSON;
    const url = values.onlineUrl.trim();
    return problemsOf(
      textProblem(t, fields.title, values.title, {
        min: MeetingLimits.titleMinLength,
        max: MeetingLimits.titleMaxLength,
      }),
      !startsAt && {
        fieldId: fields.startsAt.id,
        message: t('forms.required', { label: fields.startsAt.label }),
      },
      !endsAt && {
        fieldId: fields.endsAt.id,
        message: t('forms.required', { label: fields.endsAt.label }),
      },
      !!startsAt &&
        !!endsAt &&
        Date.parse(endsAt) <= Date.parse(startsAt) && {
          fieldId: fields.endsAt.id,
          message: t('meetings.form.endsAfterStart', { label: fields.endsAt.label }),
        },
      !!startsAt &&
        !!endsAt &&
        Date.parse(endsAt) - Date.parse(startsAt) > MeetingLimits.maxDurationMs && {
          fieldId: fields.endsAt.id,
          message: t('meetings.form.tooLong', { label: fields.endsAt.label }),
        },
      inPerson &&
        textProblem(t, fields.location, values.location, {
          max: MeetingLimits.locationMaxLength,
        }),
      inPerson &&
        textProblem(t, fields.address, values.address, { max: MeetingLimits.addressMaxLength }),
      inPerson &&
        textProblem(t, fields.locationHints, values.locationHints, {
          max: MeetingLimits.locationHintsMaxLength,
        }),
      online &&
        (!url
          ? {
              fieldId: fields.onlineUrl.id,
              message: t('forms.required', { label: fields.onlineUrl.label }),
            }
          : !/^https?:\/\/\S+$/i.test(url) || url.length > MeetingLimits.onlineUrlMaxLength
            ? {
                fieldId: fields.onlineUrl.id,
                message: t('meetings.form.onlineUrlInvalid', { label: fields.onlineUrl.label }),
              }
            : null),
      values.registrationsEnabled &&
        integerProblem(t, fields.capacity, values.capacity, 0, MeetingLimits.capacityMax),
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const startsAt = parisLocalToIso(values.startsAt);
    const endsAt = parisLocalToIso(values.endsAt);
    const problems = check(startsAt, endsAt);
    summary.report(problems);
    if (problems.length > 0 || !startsAt || !endsAt) return;
    setBusy(true);
    try {
      const message = await onSubmit({
        title: values.title.trim(),
        type: values.type,
        startsAt,
        endsAt,
        location: values.location,
        address: values.address,
        locationHints: values.locationHints,
        onlineUrl: values.type === MeetingType.IN_PERSON ? null : values.onlineUrl.trim() || null,
        description: values.description,
        registrationsEnabled: values.registrationsEnabled,
        capacity: Number(values.capacity) || 0,
        waitlistEnabled: values.waitlistEnabled,
        ...(!meeting || values.agenda !== valuesOf(meeting).agenda
          ? { agenda: parseAgenda(values.agenda) }
          : {}),
        ...(meeting ? {} : { published: values.published }),
        ...(!meeting && assembly ? { isSitting: values.isSitting } : {}),
      });
      feedback.succeed(message);
      if (!meeting) setValues(valuesOf(null));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary state={summary} />
      <FeedbackMessages feedback={feedback} />
      <TextField
        {...summary.fieldProps(fields.title)}
        required
        maxLength={MeetingLimits.titleMaxLength}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <SelectField
        label={t('meetings.form.type')}
        value={values.type}
        onChange={(e) => set('type', e.target.value as MeetingType)}
        options={Object.values(MeetingType).map((type) => ({
          value: type,
          label: t(`meetings.type.${type}`),
        }))}
      />
      <div className="field-row">
        <TextField
          {...summary.fieldProps(fields.startsAt)}
          type="datetime-local"
          hint={t('meetings.form.parisTime')}
          required
          value={values.startsAt}
          onChange={(e) => set('startsAt', e.target.value)}
        />
        <TextField
          {...summary.fieldProps(fields.endsAt)}
          type="datetime-local"
          hint={t('meetings.form.parisTime')}
          required
          value={values.endsAt}
          onChange={(e) => set('endsAt', e.target.value)}
        />
      </div>
      {values.type !== MeetingType.ONLINE ? (
        <>
          <TextField
            {...summary.fieldProps(fields.location)}
            maxLength={MeetingLimits.locationMaxLength}
            value={values.location}
            onChange={(e) => set('location', e.target.value)}
          />
          <TextField
            {...summary.fieldProps(fields.address)}
            maxLength={MeetingLimits.addressMaxLength}
            value={values.address}
            onChange={(e) => set('address', e.target.value)}
          />
          <TextField
            {...summary.fieldProps(fields.locationHints)}
            maxLength={MeetingLimits.locationHintsMaxLength}
            value={values.locationHints}
            onChange={(e) => set('locationHints', e.target.value)}
          />
        </>
      ) : null}
      {values.type !== MeetingType.IN_PERSON ? (
        <TextField
          {...summary.fieldProps(fields.onlineUrl)}
          type="url"
          hint={t('meetings.form.onlineUrlHint')}
          required
          value={values.onlineUrl}
          onChange={(e) => set('onlineUrl', e.target.value)}
        />
      ) : null}
      <RichTextField
        {...summary.fieldProps(fields.description)}
        rows={4}
        value={values.description}
        onChange={(description) => set('description', description)}
      />
      <TextAreaField
        {...summary.fieldProps(fields.agenda)}
        hint={t('meetings.form.agendaHint')}
        rows={4}
        value={values.agenda}
        onChange={(e) => set('agenda', e.target.value)}
      />
      <CheckboxField
        label={t('meetings.form.registrationsEnabled')}
        checked={values.registrationsEnabled}
        onChange={(e) => set('registrationsEnabled', e.target.checked)}
      />
      {values.registrationsEnabled ? (
        <>
          <TextField
            {...summary.fieldProps(fields.capacity)}
            type="number"
            min={0}
            max={MeetingLimits.capacityMax}
            hint={t('meetings.form.capacityHint')}
            value={values.capacity}
            onChange={(e) => set('capacity', e.target.value)}
          />
          <CheckboxField
            label={t('meetings.form.waitlistEnabled')}
            checked={values.waitlistEnabled}
            onChange={(e) => set('waitlistEnabled', e.target.checked)}
          />
        </>
      ) : null}
      {!meeting && assembly ? (
        <CheckboxField
          label={t('meetings.sitting.isSitting')}
          checked={values.isSitting}
          onChange={(e) => set('isSitting', e.target.checked)}
        />
      ) : null}
      {!meeting ? (
        <CheckboxField
          label={t('meetings.form.publish')}
          checked={values.published}
          onChange={(e) => set('published', e.target.checked)}
        />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
