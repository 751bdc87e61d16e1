import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  choiceOf,
  describeChoice,
  draftOf,
  draftProblem,
  type DraftAnswer,
  type DraftProblem,
} from '../ballot-display';
import type { BallotAnswerInput, BallotQuestion } from '../graphql/ballots';
import { QuestionInput } from './booth/QuestionInput';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** What the booth needs of a ballot (an admin's preview builds it from the form). */
export interface BoothBallot {
  id: string;
  title: string;
  secret: boolean;
  receiptsEnabled: boolean;
  questions: BallotQuestion[];
  viewerChoices?: Record<string, unknown> | null;
}

/** The message of a draft's problem, naming the question (and the option left ungraded). */
export function problemMessage(
  problem: DraftProblem,
  question: BallotQuestion,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const title = question.title;
  switch (problem.kind) {
    case 'NONE_CHOSEN':
      return t('votes.booth.errors.noneChosen', { title });
    case 'TOO_FEW':
    case 'TOO_MANY':
      return problem.min === problem.max
        ? t('votes.booth.errors.exactly', { title, count: problem.min })
        : t('votes.booth.errors.between', { title, min: problem.min, max: problem.max });
    case 'NONE_RANKED':
      return t('votes.booth.errors.noneRanked', { title });
    case 'UNGRADED':
      return t('votes.booth.errors.ungraded', {
        title,
        option: question.options.find((o) => o.id === problem.optionId)?.title ?? '',
      });
  }
}

/**
 * The voting booth: every question with the input of its method, then a review of the choices
 * before casting. « Relire mon vote » checks each answer (the same rules as the API) and lists
 * what is missing in an error summary that takes the focus; the review takes the focus on its
 * heading; a secret vote is final, so casting it asks for confirmation first.
 * @param onCast sends the answers; absent in an admin's preview (nothing is cast)
 */
export function VotingBooth({
  ballot,
  onCast,
  idPrefix = 'booth',
}: {
  ballot: BoothBallot;
  onCast?: (answers: BallotAnswerInput[]) => Promise<void>;
  idPrefix?: string;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const summary = useErrorSummary();
  const feedback = useFeedback();
  const [drafts, setDrafts] = useState<Record<string, DraftAnswer>>(() =>
    Object.fromEntries(
      ballot.questions.map((q) => [q.id, draftOf(ballot.viewerChoices?.[q.id] as never)]),
    ),
  );
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [busy, setBusy] = useState(false);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const boothHeading = useRef<HTMLHeadingElement>(null);
  const fieldId = (q: BallotQuestion) => `${idPrefix}-q-${q.id}`;
  const draftOfQuestion = (q: BallotQuestion) => drafts[q.id] ?? draftOf(undefined);

  function review(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    for (const q of ballot.questions) {
      const problem = draftProblem(q, draftOfQuestion(q));
      if (problem) problems.push({ fieldId: fieldId(q), message: problemMessage(problem, q, t) });
    }
    summary.report(problems);
    if (problems.length) return;
    feedback.clear();
    setStep('review');
    focusAfterRender(reviewHeading);
  }

  function back() {
    setStep('edit');
    focusAfterRender(boothHeading);
  }

  async function cast() {
    if (!onCast) return;
    feedback.clear();
    setBusy(true);
    try {
      await onCast(
        ballot.questions.map((q) => ({
          questionId: q.id,
          choice: choiceOf(q.method, draftOfQuestion(q)),
        })),
      );
    } catch (error) {
      feedback.fail(error);
      focusAfterRender(reviewHeading);
    } finally {
      setBusy(false);
    }
  }

  if (step === 'review') {
    return (
      <section aria-labelledby={`${idPrefix}-review`} className="booth">
        <h2 id={`${idPrefix}-review`} ref={reviewHeading} tabIndex={-1}>
          {t('votes.booth.reviewHeading')}
        </h2>
        <p>{t(ballot.secret ? 'votes.booth.reviewSecret' : 'votes.booth.reviewPublic')}</p>
        <FeedbackMessages feedback={feedback} />
        <dl className="booth-review">
          {ballot.questions.map((q) => (
            <div key={q.id} className="booth-review__item">
              <dt lang={CONTENT_LANGUAGE}>{q.title}</dt>
              <dd>
                <ul>
                  {describeChoice(choiceOf(q.method, draftOfQuestion(q)), q, t).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
        <div className="form__actions">
          <button type="button" className="button" onClick={back} disabled={busy}>
            {t('votes.booth.change')}
          </button>
          {!onCast ? (
            <p className="muted">{t('votes.booth.previewNoCast')}</p>
          ) : ballot.secret ? (
            <ConfirmButton
              label={t('votes.booth.cast')}
              className="button button--primary"
              question={t('votes.booth.confirmQuestion', { title: ballot.title })}
              description={
                <p>
                  {t(
                    ballot.receiptsEnabled
                      ? 'votes.booth.confirmFinalReceipt'
                      : 'votes.booth.confirmFinal',
                  )}
                </p>
              }
              confirmLabel={t('votes.booth.confirmCast')}
              disabled={busy}
              onConfirm={cast}
            />
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void cast()}
              disabled={busy}
            >
              {t('votes.booth.cast')}
            </button>
          )}
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="booth">
      <h2 id={`${idPrefix}-heading`} ref={boothHeading} tabIndex={-1}>
        {t('votes.booth.heading')}
      </h2>
      <p>{t(ballot.secret ? 'votes.booth.introSecret' : 'votes.booth.introPublic')}</p>
      <form noValidate onSubmit={review} className="form">
        <ErrorSummary state={summary} />
        {ballot.questions.map((q) => (
          <QuestionInput
            key={q.id}
            question={q}
            draft={draftOfQuestion(q)}
            fieldId={fieldId(q)}
            // an error reported at the review goes as soon as the answer is complete
            error={draftProblem(q, draftOfQuestion(q)) ? summary.errorOf(fieldId(q)) : null}
            onChange={(draft) => setDrafts((all) => ({ ...all, [q.id]: draft }))}
          />
        ))}
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('votes.booth.toReview')}
          </button>
        </div>
      </form>
    </section>
  );
}
