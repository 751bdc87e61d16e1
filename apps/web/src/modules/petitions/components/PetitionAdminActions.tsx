import { useMutation } from '@apollo/client/react';
import { PetitionLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, TextAreaField, TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { richTextPlain } from '../../ui/rich-text-plain';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  ANSWER_PETITION_MUTATION,
  DISCARD_PETITION_MUTATION,
  PUBLISH_PETITION_MUTATION,
  type Petition,
} from '../graphql/petitions';

/**
 * Space and organization admins: technical validation (publish or discard with a reason) and the
 * official answer once the collection has ended — for an ACCEPTED petition whose type names a second
 * stage, « Transformer en proposition » / « Transformer en motion » creates it with the answer (the
 * answer's link is then its page). Used on the petition's page (heading level 2) and
 * in the admins' queue (level 3, one per petition). The discard reason, the answer and its link
 * are checked with {@link PetitionLimits} before sending; each problem, and each field the API
 * refuses, is shown on its field with focus on the error summary.
 * @param onDone called after a successful move (the queue refetches and moves the focus)
 */
export function PetitionAdminActions({
  petition,
  level = 2,
  onDone,
}: {
  petition: Petition;
  level?: 2 | 3;
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const headingId = useId();
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [answerUrl, setAnswerUrl] = useState('');
  const [transform, setTransform] = useState(false);
  const [publish, publishState] = useMutation(PUBLISH_PETITION_MUTATION);
  const [discard, discardState] = useMutation(DISCARD_PETITION_MUTATION);
  const [answerMutation, answerState] = useMutation(ANSWER_PETITION_MUTATION);
  const summary = useErrorSummary();
  /** The fields of both forms (one shows at a time), by the API's input key. */
  const fields = {
    reason: { id: `${headingId}-reason`, label: t('petitions.admin.reason') },
    answer: { id: `${headingId}-answer`, label: t('petitions.admin.answer') },
    answerUrl: { id: `${headingId}-answer-url`, label: t('petitions.admin.answerUrl') },
  };
  const run = async (work: () => Promise<unknown>, done: string, problems: FieldProblem[] = []) => {
    feedback.clear();
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await work();
      if (onDone) onDone(done);
      else feedback.succeed(done);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  };

  if (
    petition.state !== 'VALIDATING' &&
    petition.state !== 'ACCEPTED' &&
    petition.state !== 'REJECTED'
  )
    return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  // only an ACCEPTED petition becomes a proposal or a motion
  const stage = petition.state === 'ACCEPTED' ? petition.type.secondStage : null;
  const title =
    level === 2
      ? t('petitions.admin.title')
      : t('petitions.admin.titleOf', { title: petition.title });
  return (
    <section aria-labelledby={headingId} className="panel">
      <Heading id={headingId} className={level === 3 ? 'visually-hidden' : undefined}>
        {title}
      </Heading>
      {petition.state === 'VALIDATING' ? (
        <>
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={publishState.loading}
              onClick={() =>
                void run(
                  () => publish({ variables: { id: petition.id } }),
                  t('petitions.admin.published'),
                )
              }
            >
              {t('petitions.admin.publish', { count: petition.type.periodDays })}
            </button>
          </p>
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void run(
                () => discard({ variables: { id: petition.id, reason } }),
                t('petitions.admin.discarded'),
                problemsOf(
                  textProblem(t, fields.reason, reason, {
                    min: 1,
                    max: PetitionLimits.reasonMaxLength,
                  }),
                ),
              );
            }}
          >
            <ErrorSummary state={summary} />
            <TextAreaField
              {...summary.fieldProps(fields.reason)}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              rows={3}
              maxLength={PetitionLimits.reasonMaxLength}
            />
            <button type="submit" className="button button--danger" disabled={discardState.loading}>
              {t('petitions.admin.discard')}
            </button>
          </form>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const transformTo = transform && stage ? stage.type : null;
            const url = transformTo ? '' : answerUrl.trim();
            void run(
              () =>
                answerMutation({
                  variables: {
                    input: {
                      petitionId: petition.id,
                      answer,
                      answerUrl: url || null,
                      transformTo,
                    },
                  },
                }),
              transformTo
                ? t(
                    transformTo === 'PROPOSAL'
                      ? 'petitions.admin.answeredProposal'
                      : 'petitions.admin.answeredMotion',
                  )
                : t('petitions.admin.answered'),
              problemsOf(
                textProblem(t, fields.answer, richTextPlain(answer), {
                  min: 1,
                  max: PetitionLimits.bodyMaxLength,
                }),
                url !== '' &&
                  (!/^(https:\/\/[^\s<>"]+|\/[^\s<>"]*)$/.test(url) || url.length > 500) && {
                    fieldId: fields.answerUrl.id,
                    message: t('petitions.admin.answerUrlInvalid', {
                      label: fields.answerUrl.label,
                    }),
                  },
              ),
            );
          }}
        >
          <ErrorSummary state={summary} />
          <RichTextField
            {...summary.fieldProps(fields.answer)}
            value={answer}
            onChange={setAnswer}
            required
            rows={5}
          />
          {stage ? (
            <div className="petition-transform">
              <CheckboxField
                label={t(
                  stage.type === 'PROPOSAL'
                    ? 'petitions.admin.transformProposal'
                    : 'petitions.admin.transformMotion',
                )}
                checked={transform}
                onChange={(e) => setTransform(e.target.checked)}
                aria-describedby={`${headingId}-stage`}
              />
              <p id={`${headingId}-stage`} className="field__hint">
                {t(
                  stage.type === 'PROPOSAL'
                    ? 'petitions.admin.transformProposalHint'
                    : 'petitions.admin.transformMotionHint',
                  { component: stage.componentTitle, space: stage.spaceTitle },
                )}
              </p>
            </div>
          ) : null}
          {transform && stage ? null : (
            <TextField
              {...summary.fieldProps(fields.answerUrl)}
              hint={t('petitions.admin.answerUrlHint')}
              value={answerUrl}
              onChange={(e) => setAnswerUrl(e.target.value)}
            />
          )}
          {petition.type.secondStageUrl ? (
            <p className="field__hint">
              {t('petitions.admin.secondStage')}{' '}
              <a href={petition.type.secondStageUrl}>{petition.type.secondStageUrl}</a>
            </p>
          ) : null}
          <button type="submit" className="button button--primary" disabled={answerState.loading}>
            {t('petitions.admin.answerSubmit')}
          </button>
        </form>
      )}
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
