import { useMutation } from '@apollo/client/react';
import { DebateLimits } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ADD_DEBATE_STATEMENT_MUTATION } from '../graphql/debates';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

/** Characters as people count them (an accented letter or an emoji is one). */
const length = (text: string) => [...text.trim()].length;

/**
 * « Proposer une affirmation »: a short statement (≤ 280 characters, counted live). Blank or too
 * long: the field says why, with focus on the error summary, and nothing is sent; the server's
 * refusal of the field (`body`) is shown the same way. After publishing, focus goes back to the
 * field for the next statement. When the debate is moderated, says it will be reviewed first.
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
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's argument name. */
  const fields = { body: { id: `${prefix}-body`, label: t('debates.add.label') } };
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
    summary.report(local ? [{ fieldId: fields.body.id, message: local }] : []);
    if (local) return;
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
      focusAfterRender(field);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section className="panel" aria-labelledby="add-statement-title">
      <h2 id="add-statement-title">{t('debates.add.heading')}</h2>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="add-statement-title">
        <ErrorSummary state={summary} />
        <TextAreaField
          {...summary.fieldProps(fields.body)}
          textareaRef={field}
          hint={
            <>
              {t('debates.add.hint', { max: DebateLimits.statementMaxLength })}{' '}
              {moderated ? t('debates.add.moderated') : null}{' '}
              <span>
                {t('debates.add.counter', { count, max: DebateLimits.statementMaxLength })}
              </span>
            </>
          }
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
