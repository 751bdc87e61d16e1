import { SURVEY_CHOICE_TYPES, SurveyLimits, SurveyQuestionType } from '@concerto/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  ADD_SURVEY_OPTION_MUTATION,
  ADD_SURVEY_QUESTION_MUTATION,
  PUBLISH_SURVEY_RESULTS_MUTATION,
  REMOVE_SURVEY_OPTION_MUTATION,
  REMOVE_SURVEY_QUESTION_MUTATION,
  REORDER_SURVEY_QUESTIONS_MUTATION,
  type SurveyQuestionState,
  type SurveyState,
} from '../graphql/surveys';
import type { AddSurveyQuestionInput } from '../../../graphql/generated';
import { OptionRenameForm } from './OptionRenameForm';
import { QuestionEditForm } from './QuestionEditForm';

const TYPES = Object.values(SurveyQuestionType);
const WITH_OPTIONS = new Set<string>(SURVEY_CHOICE_TYPES);
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * "Modifier le questionnaire": space admins add, edit and remove questions and options, publish
 * results, download exports. A new question is checked with {@link SurveyLimits} before sending;
 * each problem, and each field the API refuses, is shown on its field with focus on the error summary.
 */
export function SurveyBuilder({ survey }: { survey: SurveyState }) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState('SINGLE_OPTION');
  const [body, setBody] = useState('');
  const [mandatory, setMandatory] = useState(false);
  const [options, setOptions] = useState('');
  const [rows, setRows] = useState('');
  const [scaleLabels, setScaleLabels] = useState(
    "pas du tout d'accord\nplutôt pas d'accord\nd'accord\ntout à fait d'accord",
  );
  const [add, adding] = useMutation(ADD_SURVEY_QUESTION_MUTATION);
  const [remove, removing] = useMutation(REMOVE_SURVEY_QUESTION_MUTATION);
  const [publish, publishing] = useMutation(PUBLISH_SURVEY_RESULTS_MUTATION);
  const [reorder, reordering] = useMutation(REORDER_SURVEY_QUESTIONS_MUTATION);
  const feedback = useFeedback();
  const addFeedback = useFeedback();
  const summary = useErrorSummary();
  /** The new question's fields, by the API's input key. */
  const fields = {
    body: { id: 'builder-body', label: t('surveys.builder.body') },
    options: { id: 'builder-options', label: t('surveys.builder.optionsName') },
    rows: { id: 'builder-rows', label: t('surveys.builder.rowsName') },
    scale: { id: 'builder-scale', label: t('surveys.builder.scaleName') },
  };
  const error = removing.error ?? publishing.error ?? reordering.error;
  const ordered = [...survey.questions].sort((a, b) => a.position - b.position);
  const move = (index: number, delta: number) => {
    const ids = ordered.map((q) => q.id);
    [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
    reorder({ variables: { surveyId: survey.id, questionIds: ids } }).catch(() => undefined);
  };

  /** Lines of options or rows: at most `optionsMax`, each at most `optionBodyMaxLength`. */
  const linesProblem = (field: { id: string; label: string }, text: string) => {
    const given = lines(text);
    if (given.length > SurveyLimits.optionsMax)
      return {
        fieldId: field.id,
        message: t('surveys.builder.linesTooMany', {
          label: field.label,
          max: SurveyLimits.optionsMax,
        }),
      };
    if (given.some((line) => line.length > SurveyLimits.optionBodyMaxLength))
      return {
        fieldId: field.id,
        message: t('surveys.builder.lineTooLong', {
          label: field.label,
          max: SurveyLimits.optionBodyMaxLength,
        }),
      };
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    addFeedback.clear();
    const labels = lines(scaleLabels);
    const problems: FieldProblem[] = problemsOf(
      textProblem(t, fields.body, body, { min: 1, max: SurveyLimits.questionBodyMaxLength }),
      WITH_OPTIONS.has(type) && linesProblem(fields.options, options),
      type.startsWith('MATRIX') && linesProblem(fields.rows, rows),
      type === 'SCALE' &&
        (labels.length < SurveyLimits.scalePointsMin ||
          labels.length > SurveyLimits.scalePointsMax ||
          labels.some((label) => label.length > SurveyLimits.scaleLabelMaxLength)) && {
          fieldId: fields.scale.id,
          message: t('surveys.builder.scaleLines', {
            label: fields.scale.label,
            min: SurveyLimits.scalePointsMin,
            max: SurveyLimits.scalePointsMax,
            length: SurveyLimits.scaleLabelMaxLength,
          }),
        },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    const input: AddSurveyQuestionInput = { surveyId: survey.id, type, body, mandatory };
    if (WITH_OPTIONS.has(type))
      input.options = lines(options).map((o) => ({ body: o, freeText: /^autre/i.test(o) }));
    if (type.startsWith('MATRIX')) input.rows = lines(rows);
    if (type === 'SCALE') input.scale = { points: labels.length, labels };
    try {
      await add({ variables: { input } });
      addFeedback.succeed(t('surveys.builder.questionAdded', { body: body.trim() }));
      setBody('');
      setOptions('');
      setRows('');
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) addFeedback.fail(caught);
    }
  };

  return (
    <section className="survey-builder" aria-labelledby="survey-builder-title">
      <h2 id="survey-builder-title">{t('surveys.builder.title')}</h2>
      <p>
        {t('surveys.builder.version', { version: survey.version })}{' '}
        <a href={`/exports/surveys/${survey.id}/answers.csv`}>{t('surveys.builder.exportCsv')}</a>
        {' · '}
        <a href={`/exports/surveys/${survey.id}/answers.xlsx`}>{t('surveys.builder.exportXlsx')}</a>
        {' · '}
        <a href={`/exports/surveys/${survey.id}/results.json`}>{t('surveys.builder.exportJson')}</a>
      </p>
      <button
        type="button"
        className="button"
        disabled={publishing.loading}
        onClick={() =>
          publish({
            variables: { surveyId: survey.id, published: !survey.resultsPublished },
          }).catch(() => undefined)
        }
      >
        {survey.resultsPublished
          ? t('surveys.builder.unpublishResults')
          : t('surveys.builder.publishResults')}
      </button>
      {error ? <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} /> : null}
      <FeedbackMessages feedback={feedback} />
      <ol className="builder-questions">
        {ordered.map((q, index) => (
          <li key={q.id} className="builder-question">
            <p>
              <strong>{q.body}</strong>{' '}
              <span className="hint">
                ({t(`surveys.builder.types.${q.type}`)}
                {q.mandatory ? `, ${t('surveys.mandatory').toLowerCase()}` : ''})
              </span>
            </p>
            <div className="actions">
              <QuestionEditForm
                question={q}
                earlier={ordered.slice(0, index)}
                feedback={feedback}
              />
              <button
                type="button"
                className="button button--small"
                disabled={index === 0 || reordering.loading}
                onClick={() => move(index, -1)}
                aria-label={t('surveys.builder.moveUp', { question: q.body.slice(0, 80) })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={index === ordered.length - 1 || reordering.loading}
                onClick={() => move(index, 1)}
                aria-label={t('surveys.builder.moveDown', { question: q.body.slice(0, 80) })}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={removing.loading}
                onClick={() => remove({ variables: { questionId: q.id } }).catch(() => undefined)}
                aria-label={t('surveys.builder.remove', { question: q.body.slice(0, 80) })}
              >
                {t('common.delete')}
              </button>
            </div>
            {WITH_OPTIONS.has(q.type) ? <OptionsEditor question={q} feedback={feedback} /> : null}
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="builder-form" noValidate>
        <h3>{t('surveys.builder.addQuestion')}</h3>
        <ErrorSummary state={summary} />
        <div className="field">
          <label htmlFor="builder-type">{t('surveys.builder.type')}</label>
          <select
            id="builder-type"
            className="field__control"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`surveys.builder.types.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          {...summary.fieldProps(fields.body)}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          maxLength={SurveyLimits.questionBodyMaxLength}
        />
        <div className="field field--checkbox">
          <input
            id="builder-mandatory"
            type="checkbox"
            checked={mandatory}
            onChange={(e) => setMandatory(e.target.checked)}
          />
          <label htmlFor="builder-mandatory">{t('surveys.mandatory')}</label>
        </div>
        {WITH_OPTIONS.has(type) ? (
          <TextAreaField
            {...summary.fieldProps(fields.options.id)}
            label={t('surveys.builder.options')}
            rows={4}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
          />
        ) : null}
        {type.startsWith('MATRIX') ? (
          <TextAreaField
            {...summary.fieldProps(fields.rows.id)}
            label={t('surveys.builder.rows')}
            rows={3}
            value={rows}
            onChange={(e) => setRows(e.target.value)}
          />
        ) : null}
        {type === 'SCALE' ? (
          <TextAreaField
            {...summary.fieldProps(fields.scale.id)}
            label={t('surveys.builder.scaleLabels')}
            rows={4}
            value={scaleLabels}
            onChange={(e) => setScaleLabels(e.target.value)}
          />
        ) : null}
        <FeedbackMessages feedback={addFeedback} />
        <button type="submit" className="button button--primary" disabled={adding.loading}>
          {t('surveys.builder.add')}
        </button>
      </form>
    </section>
  );
}

/**
 * Options (and matrix rows) of one question: rename, remove, add. Removing an answered option starts
 * a new version. A new option's blank or too long wording ({@link SurveyLimits}), or one the API
 * refuses, is said on its field with focus on the form's error summary, and nothing is sent.
 */
function OptionsEditor({
  question: q,
  feedback,
}: {
  question: SurveyQuestionState;
  feedback: Feedback;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [add, adding] = useMutation(ADD_SURVEY_OPTION_MUTATION);
  const [remove, removing] = useMutation(REMOVE_SURVEY_OPTION_MUTATION);
  const addFeedback = useFeedback();
  const summary = useErrorSummary();
  /** The new option's field, by the API's input key. */
  const fields = {
    body: { id: `new-option-${q.id}`, label: t('surveys.builder.newOptionName') },
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    addFeedback.clear();
    const problem = textProblem(t, fields.body, body, {
      min: 1,
      max: SurveyLimits.optionBodyMaxLength,
    });
    summary.report(problem ? [problem] : []);
    if (problem) return;
    const wording = body.trim();
    try {
      await add({
        variables: {
          input: { questionId: q.id, body: wording, freeText: /^autre/i.test(wording) },
        },
      });
      addFeedback.succeed(t('surveys.builder.optionAdded', { body: wording }));
      setBody('');
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) addFeedback.fail(caught);
    }
  };
  return (
    <div className="builder-options">
      <ul>
        {[...q.options, ...q.rows].map((o) => (
          <li key={o.id}>
            {o.body} <OptionRenameForm option={o} feedback={feedback} />{' '}
            <button
              type="button"
              className="button button--small"
              disabled={removing.loading}
              onClick={() => remove({ variables: { optionId: o.id } }).catch(() => undefined)}
              aria-label={t('surveys.builder.removeOption', { option: o.body.slice(0, 80) })}
            >
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="form--inline-edit" noValidate>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.body.id)}
          label={t('surveys.builder.newOption', { question: q.body.slice(0, 80) })}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          maxLength={SurveyLimits.optionBodyMaxLength}
        />{' '}
        <button type="submit" className="button button--small" disabled={adding.loading}>
          {t('common.add')}
        </button>
        <FeedbackMessages feedback={addFeedback} />
      </form>
      {removing.error ? (
        <ErrorAlert message={errorMessage(parseApiError(removing.error), t, i18n.language)} />
      ) : null}
    </div>
  );
}
