import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  ADD_COMMENT_MUTATION,
  COMMENT_ALIGNMENTS,
  COMMENT_BODY_MAX,
  type CommentAlignment,
} from '../graphql/proposals';
import { richTextPlain } from '../../ui/rich-text-plain';

interface CommentFormProps {
  proposalId: string;
  /** The comment answered; a top-level comment when absent (then the alignment is asked). */
  parentId?: string;
  /** Accessible name of the form ("Ajouter un commentaire", "Répondre à Marc"). */
  label: string;
  onDone?: () => void;
  onCancel?: () => void;
}

/**
 * A comment or a reply: body (1–5,000 characters) and, for a top-level comment, the
 * alignment "Pour / Contre / Neutre" as radio buttons. The body is checked before sending; a
 * problem, or the API's refusal of a field, is shown on its field with focus on the error
 * summary. Refetches the threads and the proposal
 * (its comments count) after publishing.
 */
export function CommentForm({ proposalId, parentId, label, onDone, onCancel }: CommentFormProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const alignmentName = useId();
  const [body, setBody] = useState('');
  const [alignment, setAlignment] = useState<CommentAlignment>('NEUTRAL');
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    body: {
      id: `${alignmentName}-body`,
      label: parentId ? t('proposals.comments.replyBody') : t('proposals.comments.body'),
    },
  };
  const [addComment, { loading }] = useMutation(ADD_COMMENT_MUTATION, {
    refetchQueries: ['Comments', 'Proposal'],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const text = richTextPlain(body);
    const problem = !text
      ? t('proposals.comments.bodyEmpty')
      : text.length > COMMENT_BODY_MAX
        ? t('proposals.comments.bodyTooLong', { max: COMMENT_BODY_MAX })
        : null;
    summary.report(problem ? [{ fieldId: fields.body.id, message: problem }] : []);
    if (problem) return;
    try {
      await addComment({
        variables: {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: proposalId,
            body: body.trim(),
            alignment: parentId ? 'NEUTRAL' : alignment,
            parentId: parentId ?? null,
          },
        },
      });
      setBody('');
      setAlignment('NEUTRAL');
      feedback.succeed(t('proposals.comments.added'));
      onDone?.();
    } catch (caught) {
      if (summary.reportApiError(caught, fields)) return;
      feedback.fail(caught, {
        UNAUTHENTICATED: t('proposals.signInRequired'),
        FORBIDDEN: t('proposals.comments.closed'),
      });
    }
  }

  return (
    <form className="form comment-form" noValidate onSubmit={submit} aria-label={label}>
      <ErrorSummary state={summary} />
      <RichTextField
        {...summary.fieldProps(fields.body)}
        name="body"
        rows={parentId ? 3 : 4}
        maxLength={COMMENT_BODY_MAX}
        required
        value={body}
        onChange={setBody}
      />
      {!parentId ? (
        <fieldset className="field field--radios">
          <legend className="field__label">{t('proposals.comments.alignment')}</legend>
          {COMMENT_ALIGNMENTS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={alignmentName}
                value={value}
                checked={alignment === value}
                onChange={() => setAlignment(value)}
              />{' '}
              {t(`proposals.comments.alignments.${value}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {parentId ? t('proposals.comments.submitReply') : t('proposals.comments.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
