import { useMutation } from '@apollo/client/react';
import { SurveyLimits } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { textProblem } from '../../ui/feedback/fieldChecks';
import type { Feedback } from '../../ui/hooks/useFeedback';
import { useInlineEditor } from '../../ui/hooks/useInlineEditor';
import { UPDATE_SURVEY_OPTION_MUTATION, type SurveyOptionState } from '../graphql/surveys';

/**
 * "Renommer" for one option (or matrix row) of the builder: a button opening an inline field that calls
 * `updateSurveyOption` with the new wording. Focus goes to the field on opening and back to the button
 * on save or cancel (Escape cancels). A blank or too long wording ({@link SurveyLimits}), or one the
 * API refuses, is said on the field with focus on the error summary, and nothing is sent.
 */
export function OptionRenameForm({
  option: o,
  feedback,
}: {
  option: SurveyOptionState;
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const { open, setOpen, buttonRef, fieldRef, onKeyDown } = useInlineEditor();
  const [body, setBody] = useState(o.body);
  const [update, { loading }] = useMutation(UPDATE_SURVEY_OPTION_MUTATION, {
    refetchQueries: ['SurveyState'],
  });
  const summary = useErrorSummary();
  /** The form's field, by the API's input key. */
  const fields = {
    body: { id: `rename-option-${o.id}`, label: t('surveys.builder.optionBodyName') },
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const problem = textProblem(t, fields.body, body, {
      min: 1,
      max: SurveyLimits.optionBodyMaxLength,
    });
    summary.report(problem ? [problem] : []);
    if (problem) return;
    const wording = body.trim();
    try {
      await update({ variables: { optionId: o.id, input: { body: wording } } });
      feedback.succeed(t('surveys.builder.optionSaved', { option: wording.slice(0, 80) }));
      setOpen(false);
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        onClick={() => {
          if (open) return setOpen(false);
          setBody(o.body);
          feedback.clear();
          summary.report([]);
          setOpen(true);
        }}
        aria-label={t('surveys.builder.renameOption', { option: o.body.slice(0, 80) })}
      >
        {t('surveys.builder.rename')}
      </button>
      {open ? (
        <form onSubmit={submit} onKeyDown={onKeyDown} className="form--inline-edit" noValidate>
          <ErrorSummary state={summary} />
          <TextField
            {...summary.fieldProps(fields.body.id)}
            inputRef={fieldRef}
            label={t('surveys.builder.optionBody', { option: o.body.slice(0, 80) })}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            maxLength={SurveyLimits.optionBodyMaxLength}
          />
          <button type="submit" className="button button--small button--primary" disabled={loading}>
            {t('common.save')}
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
    </>
  );
}
