import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ProposalLimits } from '../graphql/proposals';
import { richTextPlain } from '../../ui/rich-text-plain';

export interface ProposalFormValues {
  title: string;
  body: string;
}

/**
 * Client-side checks of a proposal's title (15–150 characters) and body (1–3,000), the same
 * rules the API applies; the API stays the judge.
 * @returns a message per invalid field
 */
export function validateProposal(
  values: ProposalFormValues,
  t: (key: string, options?: Record<string, unknown>) => string,
): Partial<Record<keyof ProposalFormValues, string>> {
  const errors: Partial<Record<keyof ProposalFormValues, string>> = {};
  const title = values.title.trim();
  if (title.length < ProposalLimits.titleMin)
    errors.title = t('proposals.new.titleTooShort', { min: ProposalLimits.titleMin });
  else if (title.length > ProposalLimits.titleMax)
    errors.title = t('proposals.new.titleTooLong', { max: ProposalLimits.titleMax });
  const body = richTextPlain(values.body);
  if (!body) errors.body = t('proposals.new.bodyEmpty');
  else if (body.length > ProposalLimits.bodyMax)
    errors.body = t('proposals.new.bodyTooLong', { max: ProposalLimits.bodyMax });
  return errors;
}

interface ProposalFormProps {
  heading: string;
  headingId: string;
  submitLabel: string;
  initial?: ProposalFormValues;
  /** Saves the values; throws the API error on failure. */
  onSubmit: (values: ProposalFormValues) => Promise<void>;
  onCancel?: () => void;
}

/**
 * The form of a new proposal or of an edit: title and body, checked with {@link ProposalLimits}
 * before sending; each problem, and each field the API refuses, is shown on its field with focus
 * on the error summary.
 */
export function ProposalForm({
  heading,
  headingId,
  submitLabel,
  initial = { title: '', body: '' },
  onSubmit,
  onCancel,
}: ProposalFormProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [values, setValues] = useState(initial);
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    title: { id: `${headingId}-title`, label: t('proposals.new.title') },
    body: { id: `${headingId}-body`, label: t('proposals.new.body') },
  };
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const found = validateProposal(values, t);
    const problems = (['title', 'body'] as const).flatMap((key) =>
      found[key] ? [{ fieldId: fields[key].id, message: found[key] }] : [],
    );
    summary.report(problems);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      await onSubmit({ title: values.title.trim(), body: values.body.trim() });
    } catch (error) {
      if (!summary.reportApiError(error, fields))
        feedback.fail(error, { UNAUTHENTICATED: t('proposals.signInRequired') });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form subpanel" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.title)}
        hint={t('proposals.new.titleHint', {
          min: ProposalLimits.titleMin,
          max: ProposalLimits.titleMax,
        })}
        name="title"
        required
        minLength={ProposalLimits.titleMin}
        maxLength={ProposalLimits.titleMax}
        value={values.title}
        onChange={(event) => setValues({ ...values, title: event.target.value })}
      />
      <RichTextField
        {...summary.fieldProps(fields.body)}
        hint={t('proposals.new.bodyHint', { max: ProposalLimits.bodyMax })}
        name="body"
        required
        rows={8}
        maxLength={ProposalLimits.bodyMax}
        value={values.body}
        onChange={(body) => setValues({ ...values, body })}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('proposals.new.submitting') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
