import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftAnswer } from '../../ballot-display';
import type { BallotOption, BallotQuestion } from '../../graphql/ballots';
import { CONTENT_LANGUAGE } from '../../../ui/content-language';

/** Props every question input of the booth takes. */
export interface QuestionInputProps {
  question: BallotQuestion;
  draft: DraftAnswer;
  onChange: (draft: DraftAnswer) => void;
  /** The id of the question's fieldset (an error summary links to it). */
  fieldId: string;
  /** What is wrong with the answer, naming the question (after a failed review). */
  error?: string | null;
}

/** The frame of a question: a fieldset whose legend is the question, its hint and its error tied to it. */
export function QuestionFrame({
  fieldId,
  legend,
  hint,
  error,
  children,
  className,
}: {
  fieldId: string;
  legend: string;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}) {
  const describedBy =
    [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <fieldset
      id={fieldId}
      tabIndex={-1}
      className={['booth-question', error ? 'booth-question--invalid' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      aria-describedby={describedBy}
    >
      <legend className="booth-question__legend" lang={CONTENT_LANGUAGE}>
        {legend}
      </legend>
      {hint ? (
        <p id={`${fieldId}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** An option's title, with its description and the text of its image when it has them. */
export function OptionLabel({ option }: { option: BallotOption }) {
  return (
    <>
      <span className="booth-option__title" lang={CONTENT_LANGUAGE}>
        {option.title}
      </span>
      {option.description ? (
        <span className="booth-option__description" lang={CONTENT_LANGUAGE}>
          {option.description}
        </span>
      ) : null}
      {option.imageAlt ? (
        <span className="booth-option__description">{option.imageAlt}</span>
      ) : null}
    </>
  );
}

/** SINGLE: one radio per option. */
export function SingleChoiceInput({
  question,
  draft,
  onChange,
  fieldId,
  error,
}: QuestionInputProps) {
  const { t } = useTranslation();
  return (
    <QuestionFrame
      fieldId={fieldId}
      legend={question.title}
      hint={t('votes.booth.singleHint')}
      error={error}
    >
      <ul className="booth-options">
        {question.options.map((option) => {
          const id = `${fieldId}-${option.id}`;
          return (
            <li key={option.id} className="booth-option">
              <input
                type="radio"
                id={id}
                name={fieldId}
                value={option.id}
                checked={draft.optionIds[0] === option.id}
                onChange={() => onChange({ ...draft, optionIds: [option.id] })}
              />
              <label htmlFor={id}>
                <OptionLabel option={option} />
              </label>
            </li>
          );
        })}
      </ul>
    </QuestionFrame>
  );
}

/**
 * MULTIPLE (approval): one checkbox per option. Between `minChoices` and `maxChoices`: the hint
 * says so, a live counter follows the count, and once the maximum is reached the other boxes are
 * disabled with the reason said next to the counter (unchecking one frees them).
 */
export function MultipleChoiceInput({
  question,
  draft,
  onChange,
  fieldId,
  error,
}: QuestionInputProps) {
  const { t } = useTranslation();
  const { minChoices: min, maxChoices: max } = question;
  const count = draft.optionIds.length;
  const full = count >= max;
  const hint =
    min === max
      ? t('votes.booth.multipleExactly', { count: min })
      : t('votes.booth.multipleBetween', { min, max });
  const toggle = (id: string, checked: boolean) => {
    const chosen = new Set(draft.optionIds);
    if (checked) chosen.add(id);
    else chosen.delete(id);
    // keep the question's order
    onChange({
      ...draft,
      optionIds: question.options.map((o) => o.id).filter((o) => chosen.has(o)),
    });
  };
  return (
    <QuestionFrame fieldId={fieldId} legend={question.title} hint={hint} error={error}>
      <p className="booth-counter" role="status" aria-live="polite">
        {t('votes.booth.multipleCount', { count, max })}
        {full && max < question.options.length ? ` ${t('votes.booth.multipleFull')}` : ''}
      </p>
      <ul className="booth-options">
        {question.options.map((option) => {
          const id = `${fieldId}-${option.id}`;
          const checked = draft.optionIds.includes(option.id);
          return (
            <li key={option.id} className="booth-option">
              <input
                type="checkbox"
                id={id}
                value={option.id}
                checked={checked}
                disabled={!checked && full}
                onChange={(e) => toggle(option.id, e.target.checked)}
              />
              <label htmlFor={id}>
                <OptionLabel option={option} />
              </label>
            </li>
          );
        })}
      </ul>
    </QuestionFrame>
  );
}
