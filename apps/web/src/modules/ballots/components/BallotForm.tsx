import { BallotLimits, BallotMethod, CensusKind } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError, errorMessage } from '../../ui/utils/apiError';
import { isoToParisLocal, parisLocalToIso } from '../../meetings/meetingDates';
import type { Ballot, BallotFieldsInput, BallotQuestion } from '../graphql/ballots';
import { VotingBooth, type BoothBallot } from './VotingBooth';

interface QuestionValues {
  key: number;
  title: string;
  method: BallotMethod;
  minChoices: string;
  maxChoices: string;
  /** One option a line: « Titre » or « Titre ; description ». */
  options: string;
}
export interface BallotFormValues {
  title: string;
  explanation: string;
  opensAt: string;
  closesAt: string;
  secret: boolean;
  receiptsEnabled: boolean;
  censusKind: CensusKind;
  assemblySpaceId: string;
  weighted: boolean;
  emails: string;
  questions: QuestionValues[];
}

let nextKey = 1;
const newQuestion = (): QuestionValues => ({
  key: nextKey++,
  title: '',
  method: BallotMethod.SINGLE,
  minChoices: '1',
  maxChoices: '',
  options: '',
});

const valuesOf = (b: Ballot | null): BallotFormValues => ({
  title: b?.title ?? '',
  explanation: b?.explanation ?? '',
  opensAt: b ? isoToParisLocal(b.opensAt) : '',
  closesAt: b ? isoToParisLocal(b.closesAt) : '',
  secret: b?.secret ?? true,
  receiptsEnabled: b?.receiptsEnabled ?? false,
  censusKind: b?.census.kind ?? CensusKind.ALL_MEMBERS,
  assemblySpaceId: b?.census.assemblySpaceId ?? '',
  weighted: b?.census.weighted ?? false,
  emails: '',
  questions: b
    ? b.questions.map((q) => ({
        key: nextKey++,
        title: q.title,
        method: q.method,
        minChoices: String(q.minChoices),
        maxChoices: String(q.maxChoices),
        options: q.options
          .map((o) => (o.description ? `${o.title} ; ${o.description}` : o.title))
          .join('\n'),
      }))
    : [newQuestion()],
});

/** Option lines « Titre » or « Titre ; description » → options (blank lines skipped). */
export function parseOptions(text: string): { title: string; description: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(' ; ');
      return at < 0
        ? { title: line, description: '' }
        : { title: line.slice(0, at).trim(), description: line.slice(at + 3).trim() };
    });
}

/** E-mails separated by commas, semicolons, spaces or lines. */
const parseEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** The booth an admin previews: the form's questions with stand-in ids. */
export function previewBallot(values: BallotFormValues): BoothBallot {
  const questions: BallotQuestion[] = values.questions.map((q, i) => {
    const options = parseOptions(q.options).map((o, j) => ({
      id: `preview-${i}-${j}`,
      title: o.title,
      description: o.description,
      imageAlt: null,
    }));
    const multiple = q.method === BallotMethod.MULTIPLE;
    return {
      id: `preview-${i}`,
      position: i,
      title: q.title || `Question ${i + 1}`,
      method: q.method,
      minChoices: multiple ? Number(q.minChoices) || 1 : 1,
      maxChoices: multiple ? Number(q.maxChoices) || options.length : 1,
      options,
    };
  });
  return {
    id: 'preview',
    title: values.title,
    secret: values.secret,
    receiptsEnabled: values.secret && values.receiptsEnabled,
    questions,
  };
}

/**
 * Creates or edits a ballot: title, explanation, period typed in Europe/Paris, secrecy and
 * receipts (with the warning that a receipt lets a coercer check a vote), census, and the
 * questions with their method and options (one a line). Checked before sending (an error
 * summary names each field and takes the focus); the API's errors land on the field they name.
 * A preview shows the booth as voters will see it.
 */
export function BallotForm({
  ballot,
  assemblies,
  onSubmit,
  submitLabel,
  idPrefix,
}: {
  ballot: Ballot | null;
  assemblies: { id: string; title: string }[];
  submitLabel: string;
  idPrefix: string;
  onSubmit: (input: BallotFieldsInput) => Promise<string>;
}) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const [values, setValues] = useState<BallotFormValues>(() => valuesOf(ballot));
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof BallotFormValues>(key: K, value: BallotFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setQuestion = (index: number, patch: Partial<QuestionValues>) =>
    setValues((v) => ({
      ...v,
      questions: v.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)),
    }));

  /** The form's field id for a field the API names (`questions.2.maxChoices` → the third question's maximum). */
  function fieldIdOf(apiField: string | null): string | null {
    if (!apiField) return null;
    const q = /^questions\.(\d+)(?:\.(\w+))?$/.exec(apiField);
    if (q)
      return id(
        `q${q[1]}-${q[2] === 'maxChoices' ? 'max' : q[2] === 'minChoices' ? 'min' : q[2] === 'title' ? 'title' : 'options'}`,
      );
    const known: Record<string, string> = {
      title: 'title',
      explanation: 'explanation',
      opensAt: 'opensAt',
      closesAt: 'closesAt',
      receiptsEnabled: 'secret',
      'census.kind': 'censusKind',
      'census.assemblySpaceId': 'assembly',
      'census.emails': 'emails',
      'census.weighted': 'censusKind',
    };
    return known[apiField] ? id(known[apiField]) : null;
  }

  function check(): { problems: FieldProblem[]; input: BallotFieldsInput | null } {
    const problems: FieldProblem[] = [];
    const title = values.title.trim();
    if (title.length < BallotLimits.titleMinLength)
      problems.push({
        fieldId: id('title'),
        message: t('votes.form.errors.title', { min: BallotLimits.titleMinLength }),
      });
    const opensAt = parisLocalToIso(values.opensAt);
    const closesAt = parisLocalToIso(values.closesAt);
    if (!opensAt)
      problems.push({ fieldId: id('opensAt'), message: t('votes.form.errors.opensAt') });
    if (!closesAt)
      problems.push({ fieldId: id('closesAt'), message: t('votes.form.errors.closesAt') });
    else if (opensAt && closesAt <= opensAt)
      problems.push({ fieldId: id('closesAt'), message: t('votes.form.errors.closesAfter') });
    const emails = parseEmails(values.emails);
    if (
      values.censusKind === CensusKind.EMAIL_LIST &&
      emails.length === 0 &&
      (!ballot || ballot.census.kind !== CensusKind.EMAIL_LIST)
    ) {
      problems.push({ fieldId: id('emails'), message: t('votes.form.errors.emails') });
    }
    if (values.censusKind === CensusKind.ASSEMBLY_MEMBERS && !values.assemblySpaceId)
      problems.push({ fieldId: id('assembly'), message: t('votes.form.errors.assembly') });
    const questions = values.questions.map((q, i) => {
      const n = i + 1;
      if (!q.title.trim())
        problems.push({
          fieldId: id(`q${i}-title`),
          message: t('votes.form.errors.questionTitle', { n }),
        });
      const options = parseOptions(q.options);
      if (options.length < BallotLimits.optionsMin || options.length > BallotLimits.optionsMax) {
        problems.push({
          fieldId: id(`q${i}-options`),
          message: t('votes.form.errors.options', {
            n,
            min: BallotLimits.optionsMin,
            max: BallotLimits.optionsMax,
          }),
        });
      } else if (
        new Set(options.map((o) => o.title.toLocaleLowerCase('fr'))).size !== options.length
      ) {
        problems.push({
          fieldId: id(`q${i}-options`),
          message: t('votes.form.errors.duplicateOption', { n }),
        });
      }
      const multiple = q.method === BallotMethod.MULTIPLE;
      const min = Number(q.minChoices || 1);
      const max = q.maxChoices ? Number(q.maxChoices) : options.length;
      if (
        multiple &&
        (!Number.isInteger(min) ||
          !Number.isInteger(max) ||
          min < 1 ||
          min > max ||
          max > options.length)
      ) {
        problems.push({
          fieldId: id(`q${i}-max`),
          message: t('votes.form.errors.bounds', { n, count: options.length }),
        });
      }
      return {
        title: q.title.trim(),
        method: q.method,
        ...(multiple ? { minChoices: min, maxChoices: max } : {}),
        options,
      };
    });
    if (problems.length || !opensAt || !closesAt) return { problems, input: null };
    const editingEmailsKept =
      ballot && values.censusKind === CensusKind.EMAIL_LIST && emails.length === 0;
    return {
      problems,
      input: {
        title,
        explanation: values.explanation,
        opensAt,
        closesAt,
        secret: values.secret,
        receiptsEnabled: values.secret && values.receiptsEnabled,
        ...(editingEmailsKept
          ? {}
          : {
              census: {
                kind: values.censusKind,
                ...(values.censusKind === CensusKind.ASSEMBLY_MEMBERS
                  ? { assemblySpaceId: values.assemblySpaceId, weighted: values.weighted }
                  : {}),
                ...(values.censusKind === CensusKind.EMAIL_LIST ? { emails } : {}),
              },
            }),
        questions,
      },
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const { problems, input } = check();
    summary.report(problems);
    if (!input) return;
    setBusy(true);
    try {
      const message = await onSubmit(input);
      feedback.succeed(message);
      if (!ballot) setValues(valuesOf(null));
    } catch (error) {
      const info = parseApiError(error);
      const fieldId = fieldIdOf(info.field);
      if (fieldId) summary.report([{ fieldId, message: errorMessage(info, t, i18n.language) }]);
      else feedback.fail(error);
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) => summary.errorOf(id(name));
  return (
    <>
      <form className="form ballot-form" noValidate onSubmit={submit}>
        <ErrorSummary state={summary} />
        <FeedbackMessages feedback={feedback} />
        <TextField
          {...summary.fieldProps(id('title'))}
          label={t('votes.form.title')}
          required
          maxLength={BallotLimits.titleMaxLength}
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextAreaField
          {...summary.fieldProps(id('explanation'))}
          label={t('votes.form.explanation')}
          rows={3}
          value={values.explanation}
          onChange={(e) => set('explanation', e.target.value)}
        />
        <div className="field-row">
          <TextField
            {...summary.fieldProps(id('opensAt'))}
            type="datetime-local"
            label={t('votes.form.opensAt')}
            hint={t('votes.form.parisTime')}
            required
            value={values.opensAt}
            onChange={(e) => set('opensAt', e.target.value)}
          />
          <TextField
            {...summary.fieldProps(id('closesAt'))}
            type="datetime-local"
            label={t('votes.form.closesAt')}
            hint={t('votes.form.parisTime')}
            required
            value={values.closesAt}
            onChange={(e) => set('closesAt', e.target.value)}
          />
        </div>
        <fieldset className="form__group">
          <legend>{t('votes.form.secrecy')}</legend>
          <div className="field field--checkbox">
            <input
              id={id('secret')}
              type="checkbox"
              checked={values.secret}
              onChange={(e) => set('secret', e.target.checked)}
              aria-describedby={id('secret-hint')}
            />
            <label htmlFor={id('secret')}>{t('votes.form.secret')}</label>
          </div>
          <p id={id('secret-hint')} className="field__hint">
            {t(values.secret ? 'votes.form.secretHint' : 'votes.form.publicHint')}
          </p>
          {err('secret') ? <p className="field__error">{err('secret')}</p> : null}
          {values.secret ? (
            <>
              <CheckboxField
                label={t('votes.form.receipts')}
                checked={values.receiptsEnabled}
                onChange={(e) => set('receiptsEnabled', e.target.checked)}
              />
              <p className="field__hint notice">{t('votes.form.receiptsWarning')}</p>
            </>
          ) : null}
        </fieldset>
        <fieldset className="form__group">
          <legend>{t('votes.form.census')}</legend>
          <SelectField
            {...summary.fieldProps(id('censusKind'))}
            label={t('votes.form.censusKind')}
            value={values.censusKind}
            onChange={(e) => set('censusKind', e.target.value as CensusKind)}
            options={Object.values(CensusKind).map((kind) => ({
              value: kind,
              label: t(`votes.form.censusKinds.${kind}`),
            }))}
          />
          {values.censusKind === CensusKind.ASSEMBLY_MEMBERS ? (
            <>
              <SelectField
                {...summary.fieldProps(id('assembly'))}
                label={t('votes.form.assembly')}
                value={values.assemblySpaceId}
                onChange={(e) => set('assemblySpaceId', e.target.value)}
                options={[
                  { value: '', label: t('votes.form.chooseAssembly') },
                  ...assemblies.map((a) => ({ value: a.id, label: a.title })),
                ]}
              />
              <CheckboxField
                label={t('votes.form.weighted')}
                checked={values.weighted}
                onChange={(e) => set('weighted', e.target.checked)}
              />
            </>
          ) : null}
          {values.censusKind === CensusKind.EMAIL_LIST ? (
            <TextAreaField
              {...summary.fieldProps(id('emails'))}
              label={t('votes.form.emails')}
              hint={
                ballot?.census.kind === CensusKind.EMAIL_LIST
                  ? t('votes.form.emailsKeep', { count: ballot.census.emailsCount ?? 0 })
                  : t('votes.form.emailsHint')
              }
              rows={4}
              value={values.emails}
              onChange={(e) => set('emails', e.target.value)}
            />
          ) : null}
        </fieldset>
        {values.questions.map((q, i) => (
          <fieldset key={q.key} className="form__group ballot-form__question">
            <legend>{t('votes.form.question', { n: i + 1 })}</legend>
            <TextField
              {...summary.fieldProps(id(`q${i}-title`))}
              label={t('votes.form.questionTitle')}
              required
              maxLength={300}
              value={q.title}
              onChange={(e) => setQuestion(i, { title: e.target.value })}
            />
            <SelectField
              id={id(`q${i}-method`)}
              label={t('votes.form.method')}
              value={q.method}
              hint={t(`votes.form.methodHint.${q.method}`)}
              onChange={(e) => setQuestion(i, { method: e.target.value as BallotMethod })}
              options={Object.values(BallotMethod).map((m) => ({
                value: m,
                label: t(`votes.method.${m}`),
              }))}
            />
            {q.method === BallotMethod.MULTIPLE ? (
              <div className="field-row">
                <TextField
                  {...summary.fieldProps(id(`q${i}-min`))}
                  type="number"
                  min={1}
                  label={t('votes.form.minChoices')}
                  value={q.minChoices}
                  onChange={(e) => setQuestion(i, { minChoices: e.target.value })}
                />
                <TextField
                  {...summary.fieldProps(id(`q${i}-max`))}
                  type="number"
                  min={1}
                  label={t('votes.form.maxChoices')}
                  hint={t('votes.form.maxChoicesHint')}
                  value={q.maxChoices}
                  onChange={(e) => setQuestion(i, { maxChoices: e.target.value })}
                />
              </div>
            ) : null}
            <TextAreaField
              {...summary.fieldProps(id(`q${i}-options`))}
              label={t('votes.form.options')}
              hint={t('votes.form.optionsHint', {
                min: BallotLimits.optionsMin,
                max: BallotLimits.optionsMax,
              })}
              rows={5}
              value={q.options}
              onChange={(e) => setQuestion(i, { options: e.target.value })}
            />
            {values.questions.length > 1 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  set(
                    'questions',
                    values.questions.filter((_, j) => j !== i),
                  )
                }
              >
                {t('votes.form.removeQuestion', { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={values.questions.length >= BallotLimits.questionsMax}
            onClick={() => set('questions', [...values.questions, newQuestion()])}
          >
            {t('votes.form.addQuestion')}
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={preview}
            aria-controls={id('preview')}
            onClick={() => setPreview((p) => !p)}
          >
            {t(preview ? 'votes.form.hidePreview' : 'votes.form.showPreview')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
      <div id={id('preview')} className="ballot-preview" hidden={!preview}>
        {preview ? (
          <>
            <p className="notice">{t('votes.form.previewNotice')}</p>
            <VotingBooth
              key={JSON.stringify(values.questions)}
              ballot={previewBallot(values)}
              idPrefix={id('preview-booth')}
            />
          </>
        ) : null}
      </div>
    </>
  );
}
