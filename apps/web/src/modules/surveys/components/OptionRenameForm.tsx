import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feedback } from '../../ui/hooks/useFeedback';
import { useInlineEditor } from '../../ui/hooks/useInlineEditor';
import { UPDATE_SURVEY_OPTION_MUTATION, type SurveyOptionState } from '../graphql/surveys';

/**
 * "Renommer" for one option (or matrix row) of the builder: a button opening an inline field that calls
 * `updateSurveyOption` with the new wording. Focus goes to the field on opening and back to the button
 * on save or cancel (Escape cancels).
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
  const inputId = `rename-option-${o.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wording = body.trim();
    try {
      await update({ variables: { optionId: o.id, input: { body: wording } } });
      feedback.succeed(t('surveys.builder.optionSaved', { option: wording.slice(0, 80) }));
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
        onClick={() => {
          if (open) return setOpen(false);
          setBody(o.body);
          feedback.clear();
          setOpen(true);
        }}
        aria-label={t('surveys.builder.renameOption', { option: o.body.slice(0, 80) })}
      >
        {t('surveys.builder.rename')}
      </button>
      {open ? (
        <form onSubmit={submit} onKeyDown={onKeyDown} className="form--inline-edit">
          <label htmlFor={inputId}>
            {t('surveys.builder.optionBody', { option: o.body.slice(0, 80) })}
          </label>{' '}
          <input
            ref={fieldRef}
            id={inputId}
            className="field__control"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            maxLength={500}
          />{' '}
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={loading || !body.trim()}
          >
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
