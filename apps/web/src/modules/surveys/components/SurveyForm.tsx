import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { excerpt } from '../../ui/utils/text';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  ANSWER_SURVEY_MUTATION,
  type AnswerInput,
  type ChoiceInput,
  type SurveyQuestionState,
  type SurveyState,
} from '../graphql/surveys';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

type Draft = Record<string, { text?: string; choices?: ChoiceInput[]; value?: number }>;

const hasAnswer = (a: Draft[string] | undefined) =>
  !!a && (!!a.text?.trim() || !!a.choices?.length || a.value !== undefined);

/** Whether a question shows, given the answers so far (same rule as the API). */
export function isQuestionVisible(
  question: SurveyQuestionState,
  draft: Draft,
  visible: (id: string) => boolean,
): boolean {
  const c = question.condition;
  if (!c) return true;
  if (!visible(c.questionId)) return false;
  const other = draft[c.questionId];
  if (c.kind === 'ANSWERED') return hasAnswer(other);
  if (!hasAnswer(other)) return false;
  const chosen = !!other?.choices?.some((x) => x.optionId === c.optionId);
  return c.kind === 'EQUALS' ? chosen : !chosen;
}

/** A question's answer found wrong (`missing`: a mandatory question left unanswered). */
interface RefusedAnswer {
  questionId: string;
  message: string;
  missing?: boolean;
}

/** The question a refused answer is about (`extensions.questionId`, set by the API's answer checks). */
function refusedQuestionId(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const id = error.errors[0]?.extensions?.questionId;
  return typeof id === 'string' && id ? id : null;
}

/**
 * The answering form of an open Enquête; every question type, conditions, terms. Before sending,
 * each shown question is checked as the API does (a mandatory one answered, every row of a
 * mandatory matrix, at most its number of choices) and the terms accepted; each problem, and each
 * answer the API refuses (`extensions.questionId`, or an `answers.N…` input key), is said on its own
 * question and listed in the error summary, which takes the focus. Nothing is sent on a failed check.
 */
export function SurveyForm({
  survey,
  onAnswered,
}: {
  survey: SurveyState;
  onAnswered: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => {
    const initial: Draft = {};
    for (const q of survey.questions)
      if (q.type === 'SORTING')
        initial[q.id] = { choices: q.options.map((o) => ({ optionId: o.id })) };
    return initial;
  });
  const [accepted, setAccepted] = useState(false);
  const [answer, { loading }] = useMutation(ANSWER_SURVEY_MUTATION);
  const feedback = useFeedback();
  const questions = [...survey.questions].sort((a, b) => a.position - b.position);
  const visibility = new Map<string, boolean>();
  for (const q of questions)
    visibility.set(
      q.id,
      isQuestionVisible(q, draft, (id) => visibility.get(id) ?? false),
    );
  const set = (id: string, value: Draft[string]) => setDraft((d) => ({ ...d, [id]: value }));
  const summary = useErrorSummary();
  /** Each invalid question's own error (the summary names the question, its field need not). */
  const [answerErrors, setAnswerErrors] = useState<Record<string, string>>({});
  // Questions are numbered as shown (visible ones, without separators and titles).
  const numbered = questions.filter(
    (q) => visibility.get(q.id) && q.type !== 'SEPARATOR' && q.type !== 'TITLE_AND_DESCRIPTION',
  );
  const termsField = { id: 'survey-terms', label: t('surveys.form.acceptTerms') };

  /** What else is wrong with a shown question's answer (said on the question), or null. */
  const answerProblem = (q: SurveyQuestionState, a: Draft[string] | undefined): string | null => {
    const choices = a?.choices ?? [];
    const chosenIn = (rowId: string) => choices.filter((c) => c.rowId === rowId).length;
    if (q.type === 'MULTIPLE_OPTION' && q.maxChoices && choices.length > q.maxChoices)
      return t('surveys.form.tooManyChoices', { count: q.maxChoices });
    if (
      q.type === 'MATRIX_MULTIPLE' &&
      q.maxChoices &&
      q.rows.some((r) => chosenIn(r.id) > q.maxChoices!)
    )
      return t('surveys.form.tooManyChoicesPerRow', { count: q.maxChoices });
    if (q.mandatory && q.type.startsWith('MATRIX') && q.rows.some((r) => chosenIn(r.id) === 0))
      return t('surveys.form.eachRow');
    return null;
  };

  /**
   * Shows each question's problem on it and in the summary (« Question 2 « … » : … »), then the
   * form's other problems (the terms).
   */
  const reportAnswers = (found: RefusedAnswer[], others: FieldProblem[]) => {
    // one problem per question: the first the API names (it may name several of one answer)
    const first = found.filter(
      (f, i) => found.findIndex((g) => g.questionId === f.questionId) === i,
    );
    const problems: FieldProblem[] = first.flatMap(({ questionId, message, missing }) => {
      const index = numbered.findIndex((q) => q.id === questionId);
      if (index < 0) return [];
      const options = { number: index + 1, question: excerpt(numbered[index].body, 80).text };
      return [
        {
          fieldId: questionFieldId(questionId),
          message: missing
            ? t('surveys.form.missingAnswer', options)
            : t('surveys.form.answerProblem', { ...options, message }),
        },
      ];
    });
    setAnswerErrors(Object.fromEntries(first.map((f) => [f.questionId, f.message])));
    summary.report([...problems, ...others]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const found = numbered.flatMap((q): RefusedAnswer[] => {
      if (q.mandatory && !hasAnswer(draft[q.id]))
        return [{ questionId: q.id, message: t('surveys.form.missingAnswerShort'), missing: true }];
      const message = answerProblem(q, draft[q.id]);
      return message ? [{ questionId: q.id, message }] : [];
    });
    const others: FieldProblem[] =
      survey.terms && !accepted
        ? [{ fieldId: termsField.id, message: t('surveys.form.termsRequired') }]
        : [];
    reportAnswers(found, others);
    if (found.length + others.length > 0) return;
    const answers: AnswerInput[] = questions
      .filter(
        (q) =>
          visibility.get(q.id) &&
          hasAnswer(draft[q.id]) &&
          q.type !== 'SEPARATOR' &&
          q.type !== 'TITLE_AND_DESCRIPTION',
      )
      .map((q) => ({ questionId: q.id, ...draft[q.id] }));
    try {
      await answer({ variables: { surveyId: survey.id, answers, acceptTerms: accepted } });
      onAnswered();
    } catch (failure) {
      const info = parseApiError(failure);
      // the API names the question (`questionId`) or the answer's input key (`answers.2.text`)
      const questionId = refusedQuestionId(failure);
      const refused =
        info.code !== ErrorCode.BAD_USER_INPUT
          ? []
          : questionId
            ? [{ questionId, message: errorMessage(info, t, i18n.language) }]
            : info.fieldErrors.flatMap(({ field, message }) => {
                const index = /^answers\.(\d+)/.exec(field)?.[1];
                const sent = index === undefined ? undefined : answers[Number(index)];
                return sent ? [{ questionId: sent.questionId, message }] : [];
              });
      if (refused.length > 0 && refused.every((r) => numbered.some((q) => q.id === r.questionId)))
        reportAnswers(refused, []);
      else if (!summary.reportApiError(failure, { acceptTerms: termsField }))
        feedback.fail(failure);
    }
  };

  return (
    <form className="survey-form" onSubmit={submit} noValidate>
      <p className="hint">{t('surveys.form.intro')}</p>
      <ErrorSummary state={summary} />
      <ol className="questions">
        {questions.map((q) =>
          visibility.get(q.id) ? (
            <li key={q.id} className="question">
              <QuestionField
                question={q}
                value={draft[q.id]}
                onChange={(v) => set(q.id, v)}
                error={summary.errorOf(questionFieldId(q.id)) ? (answerErrors[q.id] ?? null) : null}
              />
            </li>
          ) : null,
        )}
      </ol>
      {survey.terms ? (
        <div className="survey-form__terms">
          <Paragraphs text={survey.terms} className="prose" />
          <div className="field field--checkbox">
            <input
              id="survey-terms"
              type="checkbox"
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
              required
              aria-required="true"
              aria-invalid={summary.errorOf('survey-terms') ? true : undefined}
              aria-describedby={summary.errorOf('survey-terms') ? 'survey-terms-error' : undefined}
            />
            <label htmlFor="survey-terms">{termsField.label}</label>
            {summary.errorOf('survey-terms') ? (
              <p id="survey-terms-error" className="field__error">
                {summary.errorOf('survey-terms')}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <FeedbackMessages feedback={feedback} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? t('surveys.form.sending') : t('surveys.form.send')}
      </button>
    </form>
  );
}

/** The id an error summary links to: the question's text input, or its fieldset. */
function questionFieldId(questionId: string): string {
  return `q-${questionId}-field`;
}

function QuestionField({
  question: q,
  value,
  onChange,
  error,
}: {
  question: SurveyQuestionState;
  value: Draft[string] | undefined;
  onChange: (v: Draft[string]) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const fieldId = questionFieldId(q.id);
  const errorId = `${fieldId}-error`;
  const errorText = error ? (
    <p id={errorId} className="field__error">
      {error}
    </p>
  ) : null;
  // Fieldsets take focus from the error summary's link and say their error.
  const fieldsetProps = {
    id: fieldId,
    tabIndex: -1,
    'aria-describedby': error ? errorId : undefined,
    className: error ? 'question__fieldset field--invalid' : 'question__fieldset',
  };
  const choices = value?.choices ?? [];
  const chosen = (optionId: string, rowId?: string) =>
    choices.some((c) => c.optionId === optionId && c.rowId === rowId);
  const name = `q-${q.id}`;
  const legend = (
    <legend className="question__body">
      <UserText>{q.body}</UserText>
      {q.mandatory ? (
        <span className="question__mandatory"> ({t('surveys.mandatory').toLowerCase()})</span>
      ) : null}
    </legend>
  );
  const description = q.description ? (
    <Paragraphs text={q.description} className="question__description" />
  ) : null;
  const freeTexts = choices
    .map((c, index) => ({ c, index, option: q.options.find((o) => o.id === c.optionId) }))
    .filter((x) => x.option?.freeText && !x.c.rowId);
  const freeTextFields = freeTexts.map(({ c, index, option }) => (
    <div className="field" key={`ft-${c.optionId}`}>
      <label htmlFor={`${name}-ft-${c.optionId}`}>
        {t('surveys.form.specify', { option: option!.body })}
      </label>
      <input
        id={`${name}-ft-${c.optionId}`}
        className="field__control"
        value={c.freeText ?? ''}
        maxLength={2000}
        onChange={(e) =>
          onChange({
            choices: choices.map((x, i) => (i === index ? { ...x, freeText: e.target.value } : x)),
          })
        }
      />
    </div>
  ));

  switch (q.type) {
    case 'SEPARATOR':
      return <hr />;
    case 'TITLE_AND_DESCRIPTION':
      return (
        <>
          <h3 lang={CONTENT_LANGUAGE}>{q.body}</h3>
          {description}
        </>
      );
    case 'SHORT_ANSWER':
    case 'LONG_ANSWER': {
      const id = fieldId;
      const props = {
        id,
        className: 'field__control',
        value: value?.text ?? '',
        maxLength: q.maxCharacters ?? (q.type === 'SHORT_ANSWER' ? 1000 : 10000),
        required: q.mandatory,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      };
      return (
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={id} className="question__body">
            <UserText>{q.body}</UserText>
            {q.mandatory ? ` (${t('surveys.mandatory').toLowerCase()})` : ''}
          </label>
          {errorText}
          {description}
          {q.type === 'SHORT_ANSWER' ? (
            <input {...props} onChange={(e) => onChange({ text: e.target.value })} />
          ) : (
            <textarea rows={5} {...props} onChange={(e) => onChange({ text: e.target.value })} />
          )}
        </div>
      );
    }
    case 'SINGLE_OPTION':
    case 'MULTIPLE_OPTION': {
      const multiple = q.type === 'MULTIPLE_OPTION';
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          {errorText}
          {description}
          {multiple && q.maxChoices ? (
            <p className="hint">{t('surveys.form.maxChoices', { count: q.maxChoices })}</p>
          ) : null}
          {q.options.map((o) => (
            <div className="field field--checkbox" key={o.id}>
              <input
                id={`${name}-${o.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                checked={chosen(o.id)}
                onChange={(e) =>
                  onChange({
                    choices: multiple
                      ? e.target.checked
                        ? [...choices, { optionId: o.id }]
                        : choices.filter((c) => c.optionId !== o.id)
                      : [{ optionId: o.id }],
                  })
                }
              />
              <label htmlFor={`${name}-${o.id}`} lang={CONTENT_LANGUAGE}>
                {o.body}
              </label>
            </div>
          ))}
          {freeTextFields}
        </fieldset>
      );
    }
    case 'SCALE': {
      const scale = q.scale ?? { points: 0, labels: [] };
      return (
        <fieldset
          {...fieldsetProps}
          className={`${fieldsetProps.className} question__fieldset--scale`}
        >
          {legend}
          {errorText}
          {description}
          <div className="scale-choices">
            {Array.from({ length: scale.points }, (_, i) => (
              <div className="field field--checkbox" key={i}>
                <input
                  id={`${name}-${i + 1}`}
                  type="radio"
                  name={name}
                  checked={value?.value === i + 1}
                  onChange={() => onChange({ value: i + 1 })}
                />
                <label htmlFor={`${name}-${i + 1}`}>
                  {`${i + 1} ${scale.labels[i] ?? ''}`.trim()}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
    case 'MATRIX_SINGLE':
    case 'MATRIX_MULTIPLE': {
      const multiple = q.type === 'MATRIX_MULTIPLE';
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          {errorText}
          {description}
          <table className="matrix">
            <thead>
              <tr>
                <td />
                {q.options.map((o) => (
                  <th scope="col" key={o.id} lang={CONTENT_LANGUAGE}>
                    {o.body}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" lang={CONTENT_LANGUAGE}>
                    {r.body}
                  </th>
                  {q.options.map((o) => (
                    <td key={o.id}>
                      <input
                        type={multiple ? 'checkbox' : 'radio'}
                        name={`${name}-${r.id}`}
                        aria-label={`${r.body} : ${o.body}`}
                        lang={CONTENT_LANGUAGE}
                        checked={chosen(o.id, r.id)}
                        onChange={(e) => {
                          const others = multiple
                            ? choices
                            : choices.filter((c) => c.rowId !== r.id);
                          onChange({
                            choices: e.target.checked
                              ? [...others, { optionId: o.id, rowId: r.id }]
                              : choices.filter((c) => !(c.rowId === r.id && c.optionId === o.id)),
                          });
                        }}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      );
    }
    case 'SORTING': {
      const move = (index: number, delta: number) => {
        const next = [...choices];
        [next[index], next[index + delta]] = [next[index + delta], next[index]];
        onChange({ choices: next });
      };
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          {errorText}
          {description}
          <ol className="sorting">
            {choices.map((c, index) => {
              const option = q.options.find((o) => o.id === c.optionId);
              return (
                <li key={c.optionId}>
                  <UserText>{option?.body}</UserText>{' '}
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('surveys.form.moveUp', { option: option?.body })}
                  >
                    ↑
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small"
                    disabled={index === choices.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('surveys.form.moveDown', { option: option?.body })}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>
      );
    }
    default:
      return null;
  }
}
