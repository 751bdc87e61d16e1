import { SURVEY_LAYOUT_TYPES, SURVEY_TEXT_TYPES, SurveyConditionKind } from '@concerto/domain';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
    setOpen(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
    } catch (error) {
      feedback.fail(error);
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
          aria-label={t('surveys.builder.editQuestion', { question: q.body.slice(0, 80) })}
        >
          <div className="field">
            <label htmlFor={`${idPrefix}-body`}>{t('surveys.builder.body')}</label>
            <input
              ref={firstFieldRef}
              id={`${idPrefix}-body`}
              className="field__control"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              required
              maxLength={2000}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-description`}>
              {t('surveys.builder.questionDescription')}
            </label>
            <textarea
              id={`${idPrefix}-description`}
              className="field__control"
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
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
            <div className="field">
              <label htmlFor={`${idPrefix}-max-characters`}>
                {t('surveys.builder.maxCharacters')}
              </label>
              <input
                id={`${idPrefix}-max-characters`}
                type="number"
                min={0}
                step={1}
                className="field__control"
                value={maxCharacters}
                onChange={(e) => setMaxCharacters(e.target.value)}
              />
            </div>
          ) : null}
          {MULTIPLE_TYPES.has(q.type) ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-max-choices`}>{t('surveys.builder.maxChoices')}</label>
              <input
                id={`${idPrefix}-max-choices`}
                type="number"
                min={0}
                step={1}
                className="field__control"
                value={maxChoices}
                onChange={(e) => setMaxChoices(e.target.value)}
              />
            </div>
          ) : null}
          {!layout && targets.length > 0 ? (
            <>
              <div className="field">
                <label htmlFor={`${idPrefix}-condition`}>{t('surveys.builder.condition')}</label>
                <select
                  id={`${idPrefix}-condition`}
                  className="field__control"
                  value={conditionQuestionId}
                  onChange={(e) => {
                    setConditionQuestionId(e.target.value);
                    setConditionOptionId('');
                    // a text or scale question has no option to compare with: only "a reçu une réponse" applies
                    if (!targets.find((x) => x.id === e.target.value)?.options.length)
                      setConditionKind('ANSWERED');
                  }}
                >
                  <option value="">{t('surveys.builder.conditionNone')}</option>
                  {targets.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.body.slice(0, 80)}
                    </option>
                  ))}
                </select>
              </div>
              {target ? (
                <div className="field">
                  <label htmlFor={`${idPrefix}-condition-kind`}>
                    {t('surveys.builder.conditionKind')}
                  </label>
                  <select
                    id={`${idPrefix}-condition-kind`}
                    className="field__control"
                    value={conditionKind}
                    onChange={(e) => setConditionKind(e.target.value)}
                  >
                    {CONDITION_KINDS.filter(
                      (k) => k === 'ANSWERED' || target.options.length > 0,
                    ).map((k) => (
                      <option key={k} value={k}>
                        {t(`surveys.builder.conditionKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {target && conditionKind !== 'ANSWERED' ? (
                <div className="field">
                  <label htmlFor={`${idPrefix}-condition-option`}>
                    {t('surveys.builder.conditionOption')}
                  </label>
                  <select
                    id={`${idPrefix}-condition-option`}
                    className="field__control"
                    value={conditionOptionId}
                    onChange={(e) => setConditionOptionId(e.target.value)}
                    required
                  >
                    <option value="">—</option>
                    {target.options.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.body.slice(0, 80)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </>
          ) : null}
          <div className="actions">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={loading || !body.trim()}
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
