import { useTranslation } from 'react-i18next';
import { GRADE_ORDER } from '../../ballot-display';
import { OptionLabel, QuestionFrame, type QuestionInputProps } from './ChoiceQuestions';

/**
 * MAJORITY_JUDGMENT: every option graded on « Excellent » … « À rejeter ». One fieldset of seven
 * radios per option (its legend is the option), so arrow keys move between the grades of one
 * option and Tab goes to the next option; on a wide screen the grades sit on one line like a
 * grid, on a phone they wrap under the option. Every option must be graded.
 */
export function GradeGrid({ question, draft, onChange, fieldId, error }: QuestionInputProps) {
  const { t } = useTranslation();
  const graded = question.options.filter((o) => draft.grades[o.id]).length;
  return (
    <QuestionFrame
      fieldId={fieldId}
      legend={question.title}
      hint={t('votes.booth.mjHint')}
      error={error}
      className="booth-mj"
    >
      <p className="booth-counter" role="status" aria-live="polite">
        {t('votes.booth.mjCount', { count: graded, total: question.options.length })}
      </p>
      {question.options.map((option) => {
        const name = `${fieldId}-${option.id}`;
        const missing = !!error && !draft.grades[option.id];
        return (
          <fieldset key={option.id} className={`mj-option${missing ? ' mj-option--missing' : ''}`}>
            <legend className="mj-option__legend">
              <OptionLabel option={option} />
            </legend>
            <div className="mj-grades">
              {GRADE_ORDER.map((grade, index) => {
                const id = `${name}-${grade}`;
                return (
                  <span key={grade} className={`mj-grade mj-grade--${index}`}>
                    <input
                      type="radio"
                      id={id}
                      name={name}
                      value={grade}
                      checked={draft.grades[option.id] === grade}
                      onChange={() =>
                        onChange({ ...draft, grades: { ...draft.grades, [option.id]: grade } })
                      }
                    />
                    <label htmlFor={id}>{t(`votes.grade.${grade}`)}</label>
                  </span>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </QuestionFrame>
  );
}
