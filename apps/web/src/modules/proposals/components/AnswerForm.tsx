import { PROPOSAL_ANSWER_STATES, ProposalLimits } from '@concerto/domain';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import {
  ANSWER_PROPOSAL_MUTATION,
  PUBLISH_PROPOSAL_ANSWER_MUTATION,
  type ProposalDetail,
  type ProposalState,
} from '../graphql/proposals';
import { editorHtml } from '../utils/editorHtml';
import { richTextPlain } from '../../ui/rich-text-plain';
import { UserText } from '../../ui/components/UserText';

const REFETCH = { refetchQueries: ['ModerationQueue', 'Proposals'] };

export interface AnswerValues {
  state: ProposalState;
  answer: string;
  publish: boolean;
}

/**
 * Client-side check of an answer: a rejection must be explained (the API's rule too).
 * @returns the error message, or null when the answer may be sent
 */
export function answerError(
  values: AnswerValues,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  const text = richTextPlain(values.answer);
  if (values.state === 'REJECTED' && !text) return t('proposals.answer.rejectionNeedsAnswer');
  return text.length > ProposalLimits.answerMax
    ? t('proposals.answer.tooLong', { max: ProposalLimits.answerMax })
    : null;
}

type AnsweredProposal = Pick<
  ProposalDetail,
  'id' | 'title' | 'internalState' | 'answer' | 'answerPublished' | 'answeredAt'
>;

interface AnswerFormProps {
  proposal: AnsweredProposal;
  headingLevel?: 2 | 3;
  /** Messages shown outside the form (the moderation page's, since an answered proposal leaves the list). */
  feedback?: Feedback;
}

/**
 * The moderators' answer to a proposal: state (EVALUATING / ACCEPTED / REJECTED), answer text,
 * "Publier maintenant"; and "Publier la réponse" for a drafted answer. The answer is checked
 * before sending; a problem, or the API's refusal of a field, is shown on its field with focus on
 * the error summary.
 */
export function AnswerForm({
  proposal,
  headingLevel = 3,
  feedback: sharedFeedback,
}: AnswerFormProps) {
  const { t } = useTranslation();
  const ownFeedback = useFeedback();
  const feedback = sharedFeedback ?? ownFeedback;
  const current =
    proposal.internalState && PROPOSAL_ANSWER_STATES.includes(proposal.internalState)
      ? proposal.internalState
      : 'EVALUATING';
  const [values, setValues] = useState<AnswerValues>({
    state: current,
    answer: editorHtml(proposal.answer ?? ''),
    publish: true,
  });
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    state: { id: `${prefix}-state`, label: t('proposals.answer.state') },
    answer: { id: `${prefix}-answer`, label: t('proposals.answer.text') },
  };
  const [answerProposal, answerState] = useMutation(ANSWER_PROPOSAL_MUTATION, REFETCH);
  const [publishAnswer, publishState] = useMutation(PUBLISH_PROPOSAL_ANSWER_MUTATION, REFETCH);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `answer-${proposal.id}`;
  const draft = Boolean(proposal.answeredAt) && !proposal.answerPublished;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problem = answerError(values, t);
    summary.report(problem ? [{ fieldId: fields.answer.id, message: problem }] : []);
    if (problem) return;
    try {
      await answerProposal({
        variables: {
          input: {
            proposalId: proposal.id,
            state: values.state,
            answer: richTextPlain(values.answer) ? values.answer : null,
            publish: values.publish,
          },
        },
      });
      feedback.succeed(
        values.publish ? t('proposals.answer.saved') : t('proposals.answer.savedDraft'),
      );
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  async function publish() {
    feedback.clear();
    try {
      await publishAnswer({ variables: { id: proposal.id } });
      feedback.succeed(t('proposals.answer.published'));
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  return (
    <form
      className="form subpanel answer-form"
      noValidate
      onSubmit={submit}
      aria-labelledby={headingId}
    >
      <Heading id={headingId}>
        {t('proposals.answer.formHeading')}{' '}
        <span className="visually-hidden">
          : <UserText>{proposal.title}</UserText>
        </span>
      </Heading>
      {draft ? (
        <p>
          <span className="badge badge--muted">{t('proposals.answer.draft')}</span>{' '}
          {proposal.internalState ? t(`proposals.state.${proposal.internalState}`) : null}{' '}
          <button
            type="button"
            className="button"
            disabled={publishState.loading}
            onClick={() => void publish()}
          >
            {t('proposals.answer.publish')}
          </button>
        </p>
      ) : null}
      <ErrorSummary state={summary} />
      <SelectField
        {...summary.fieldProps(fields.state)}
        name="state"
        value={values.state}
        onChange={(event) => setValues({ ...values, state: event.target.value as ProposalState })}
        options={PROPOSAL_ANSWER_STATES.map((state) => ({
          value: state,
          label: t(`proposals.state.${state}`),
        }))}
      />
      <RichTextField
        {...summary.fieldProps(fields.answer)}
        hint={t('proposals.answer.textHint')}
        name="answer"
        rows={4}
        maxLength={ProposalLimits.answerMax}
        value={values.answer}
        onChange={(answer) => setValues({ ...values, answer })}
      />
      <CheckboxField
        label={t('proposals.answer.publishNow')}
        name="publish"
        checked={values.publish}
        onChange={(event) => setValues({ ...values, publish: event.target.checked })}
      />
      {sharedFeedback ? null : <FeedbackMessages feedback={feedback} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={answerState.loading}>
          {t('proposals.answer.submit')}
        </button>
      </div>
    </form>
  );
}
