import { useMutation } from '@apollo/client/react';
import { DebateLimits } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ADD_DEBATE_STATEMENT_MUTATION } from '../graphql/debates';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

/** Characters as people count them (an accented letter or an emoji is one). */
const length = (text: string) => [...text.trim()].length;

/**
 * « Proposer une affirmation »: a short statement (≤ 280 characters, counted live). Blank or too
 * long: the field says why and keeps the focus; the server's coded error (field `body`) is shown
 * the same way. When the debate is moderated, says the statement will be reviewed first.
 */
export function AddStatementForm({
  debateId,
  moderated,
}: {
  debateId: string;
  moderated: boolean;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const feedback = useFeedback();
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [add, state] = useMutation(ADD_DEBATE_STATEMENT_MUTATION, {
    refetchQueries: ['DebateNextStatement', 'MyDebateStatements', 'Debate'],
  });
  const count = length(body);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const local =
      count === 0
        ? t('debates.add.blank')
        : count > DebateLimits.statementMaxLength
          ? t('debates.add.tooLong', { max: DebateLimits.statementMaxLength, count })
          : null;
    setFieldError(local);
    if (local) {
      field.current?.focus();
      return;
    }
    try {
      const result = await add({ variables: { debateId, body } });
      setBody('');
      feedback.succeed(
        t(
          result.data?.addDebateStatement.state === 'PENDING'
            ? 'debates.add.pending'
            : 'debates.add.published',
        ),
      );
    } catch (error) {
      const info = feedback.fail(error);
      if (info.field === 'body') setFieldError(info.serverMessage);
    }
    focusAfterRender(field);
  }

  return (
    <section className="panel" aria-labelledby="add-statement-title">
      <h2 id="add-statement-title">{t('debates.add.heading')}</h2>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="add-statement-title">
        <TextAreaField
          textareaRef={field}
          label={t('debates.add.label')}
          hint={
            <>
              {t('debates.add.hint', { max: DebateLimits.statementMaxLength })}{' '}
              {moderated ? t('debates.add.moderated') : null}{' '}
              <span>
                {t('debates.add.counter', { count, max: DebateLimits.statementMaxLength })}
              </span>
            </>
          }
          error={fieldError}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={state.loading}>
            {t('debates.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
