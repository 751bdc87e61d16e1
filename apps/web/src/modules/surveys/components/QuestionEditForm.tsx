import {
  SURVEY_LAYOUT_TYPES,
  SURVEY_TEXT_TYPES,
  SurveyConditionKind,
  SurveyLimits,
} from '@concerto/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { integerProblem, problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import type { Feedback } from '../../ui/hooks/useFeedback';
import {
  UPDATE_SURVEY_QUESTION_MUTATION,
  type SurveyQuestionFields,
  type SurveyQuestionState,
} from '../graphql/surveys';
import { useInlineEditor } from '../../ui/hooks/useInlineEditor';

const LAYOUT_TYPES = new Set<string>(SURVEY_LAYOUT_TYPES);
const TEXT_TYPES = new Set<string>(SURVEY_TEXT_TYPES);
const MULTIPLE_TYPES = new Set(['MULTIPLE_OPTION', 'MATRIX_MULTIPLE']);
const CONDITION_KINDS = Object.values(SurveyConditionKind);
/**
 * "Modifier" for one question of the builder: a button opening an inline form (wording, description,
 * mandatory, limits, display condition on an earlier question) that calls `updateSurveyQuestion`.
 * Only the fields the question's type takes are sent (the API refuses the others with BAD_USER_INPUT).
 * Focus goes to the first field on opening and back to the button on save or cancel (Escape cancels).
 * The fields are checked with the API's limits before sending; each problem, and each field the API
 * refuses, is shown on its field with focus on the error summary.
 */
export function QuestionEditForm({
  question: q,
  earlier,
  feedback,
}: {
  question: SurveyQuestionState;
  earlier: SurveyQuestionState[];
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  const { open, setOpen, buttonRef, fieldRef: firstFieldRef, onKeyDown } = useInlineEditor();
  const [body, setBody] = useState(q.body);
  const [description, setDescription] = useState(q.description ?? '');
  const [mandatory, setMandatory] = useState(q.mandatory);
  const [maxCharacters, setMaxCharacters] = useState(String(q.maxCharacters ?? 0));
  const [maxChoices, setMaxChoices] = useState(String(q.maxChoices ?? 0));
  const [conditionQuestionId, setConditionQuestionId] = useState(q.condition?.questionId ?? '');
  const [conditionKind, setConditionKind] = useState(q.condition?.kind ?? 'EQUALS');
  const [conditionOptionId, setConditionOptionId] = useState(q.condition?.optionId ?? '');
  const [update, { loading }] = useMutation(UPDATE_SURVEY_QUESTION_MUTATION, {
    refetchQueries: ['SurveyState'],
  });

  const layout = LAYOUT_TYPES.has(q.type);
  const targets = earlier.filter((e) => !LAYOUT_TYPES.has(e.type));
  const target = targets.find((e) => e.id === conditionQuestionId);
  const idPrefix = `edit-question-${q.id}`;
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    body: { id: `${idPrefix}-body`, label: t('surveys.builder.body') },
    description: { id: `${idPrefix}-description`, label: t('surveys.builder.description') },
    maxCharacters: {
      id: `${idPrefix}-max-characters`,
      label: t('surveys.builder.maxCharactersName'),
    },
    maxChoices: { id: `${idPrefix}-max-choices`, label: t('surveys.builder.maxChoicesName') },
    condition: { id: `${idPrefix}-condition`, label: t('surveys.builder.condition') },
    conditionOption: {
      id: `${idPrefix}-condition-option`,
      label: t('surveys.builder.conditionOption'),
    },
  };
  /** A limit left blank means none (0), as before the checks. */
  const limitProblem = (field: { id: string; label: string }, value: string, max: number) =>
    value.trim() !== '' && integerProblem(t, field, value, 0, max);

  const start = () => {
    setBody(q.body);
    setDescription(q.description ?? '');
    setMandatory(q.mandatory);
    setMaxCharacters(String(q.maxCharacters ?? 0));
    setMaxChoices(String(q.maxChoices ?? 0));
    setConditionQuestionId(q.condition?.questionId ?? '');
    setConditionKind(q.condition?.kind ?? 'EQUALS');
    setConditionOptionId(q.condition?.optionId ?? '');
    feedback.clear();
    summary.report([]);
    setOpen(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.body, body, { min: 1, max: SurveyLimits.questionBodyMaxLength }),
      textProblem(t, fields.description, description, {
        max: SurveyLimits.questionDescriptionMaxLength,
      }),
      TEXT_TYPES.has(q.type) &&
        limitProblem(fields.maxCharacters, maxCharacters, SurveyLimits.answerTextMaxLength),
      MULTIPLE_TYPES.has(q.type) &&
        limitProblem(fields.maxChoices, maxChoices, SurveyLimits.maxChoicesMax),
      !layout &&
        target &&
        conditionKind !== 'ANSWERED' &&
        textProblem(t, fields.conditionOption, conditionOptionId, { min: 1 }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    const input: SurveyQuestionFields = { body: body.trim(), description };
    if (!layout) {
      input.mandatory = mandatory;
      input.condition = target
        ? {
            questionId: target.id,
            kind: conditionKind,
            optionId: conditionKind === 'ANSWERED' ? null : conditionOptionId || null,
          }
        : null;
    }
    if (TEXT_TYPES.has(q.type)) input.maxCharacters = Number(maxCharacters) || 0;
    if (MULTIPLE_TYPES.has(q.type)) input.maxChoices = Number(maxChoices) || 0;
    try {
      await update({ variables: { questionId: q.id, input } });
      feedback.succeed(t('surveys.builder.questionSaved', { question: input.body!.slice(0, 80) }));
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
        aria-controls={open ? `${idPrefix}-form` : undefined}
        onClick={() => (open ? setOpen(false) : start())}
        aria-label={t('surveys.builder.editQuestion', { question: q.body.slice(0, 80) })}
      >
        {t('common.edit')}
      </button>
      {open ? (
        <form
          id={`${idPrefix}-form`}
          onSubmit={submit}
          onKeyDown={onKeyDown}
          className="builder-form"
          noValidate
          aria-label={t('surveys.builder.editQuestion', { question: q.body.slice(0, 80) })}
        >
          <ErrorSummary state={summary} />
          <TextField
            inputRef={firstFieldRef}
            {...summary.fieldProps(fields.body)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            maxLength={SurveyLimits.questionBodyMaxLength}
          />
          <TextAreaField
            {...summary.fieldProps(fields.description.id)}
            label={t('surveys.builder.questionDescription')}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={SurveyLimits.questionDescriptionMaxLength}
          />
          {layout ? null : (
            <div className="field field--checkbox">
              <input
                id={`${idPrefix}-mandatory`}
                type="checkbox"
                checked={mandatory}
                onChange={(e) => setMandatory(e.target.checked)}
              />
              <label htmlFor={`${idPrefix}-mandatory`}>{t('surveys.mandatory')}</label>
            </div>
          )}
          {TEXT_TYPES.has(q.type) ? (
            <TextField
              {...summary.fieldProps(fields.maxCharacters.id)}
              label={t('surveys.builder.maxCharacters')}
              type="number"
              min={0}
              max={SurveyLimits.answerTextMaxLength}
              step={1}
              value={maxCharacters}
              onChange={(e) => setMaxCharacters(e.target.value)}
            />
          ) : null}
          {MULTIPLE_TYPES.has(q.type) ? (
            <TextField
              {...summary.fieldProps(fields.maxChoices.id)}
              label={t('surveys.builder.maxChoices')}
              type="number"
              min={0}
              max={SurveyLimits.maxChoicesMax}
              step={1}
              value={maxChoices}
              onChange={(e) => setMaxChoices(e.target.value)}
            />
          ) : null}
          {!layout && targets.length > 0 ? (
            <>
              <SelectField
                {...summary.fieldProps(fields.condition)}
                value={conditionQuestionId}
                onChange={(e) => {
                  setConditionQuestionId(e.target.value);
                  setConditionOptionId('');
                  // a text or scale question has no option to compare with: only "a reçu une réponse" applies
                  if (!targets.find((x) => x.id === e.target.value)?.options.length)
                    setConditionKind('ANSWERED');
                }}
                options={[
                  { value: '', label: t('surveys.builder.conditionNone') },
                  ...targets.map((e) => ({ value: e.id, label: e.body.slice(0, 80) })),
                ]}
              />
              {target ? (
                <SelectField
                  id={`${idPrefix}-condition-kind`}
                  label={t('surveys.builder.conditionKind')}
                  value={conditionKind}
                  onChange={(e) => setConditionKind(e.target.value)}
                  options={CONDITION_KINDS.filter(
                    (k) => k === 'ANSWERED' || target.options.length > 0,
                  ).map((k) => ({ value: k, label: t(`surveys.builder.conditionKinds.${k}`) }))}
                />
              ) : null}
              {target && conditionKind !== 'ANSWERED' ? (
                <SelectField
                  {...summary.fieldProps(fields.conditionOption)}
                  value={conditionOptionId}
                  onChange={(e) => setConditionOptionId(e.target.value)}
                  required
                  options={[
                    { value: '', label: '—' },
                    ...target.options.map((o) => ({ value: o.id, label: o.body.slice(0, 80) })),
                  ]}
                />
              ) : null}
            </>
          ) : null}
          <div className="actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={loading}
            >
              {t('common.save')}
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
