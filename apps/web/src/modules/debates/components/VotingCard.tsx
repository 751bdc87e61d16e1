import { useMutation, useQuery } from '@apollo/client/react';
import { ReportForm } from '../../moderation/components/ReportForm';
import type { DebateVoteChoice } from '@concerto/domain';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { DEBATE_NEXT_STATEMENT_QUERY, VOTE_DEBATE_STATEMENT_MUTATION } from '../graphql/debates';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const CHOICES: { choice: DebateVoteChoice; className: string }[] = [
  { choice: 'AGREE', className: 'button button--primary' },
  { choice: 'DISAGREE', className: 'button' },
  { choice: 'PASS', className: 'button button--link' },
];

/**
 * The voting card: one statement at a time (the server picks the next one: unseen, fewest votes,
 * then most divisive), three buttons « D’accord », « Pas d’accord », « Passer ». After a vote the
 * next statement appears and the focus moves to it, so keyboard and screen-reader users keep
 * their place.
 */
export function VotingCard({
  debateId,
  closed,
  onVoted,
}: {
  debateId: string;
  closed: boolean;
  onVoted?: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const statementRef = useRef<HTMLParagraphElement>(null);
  const moveFocus = useRef(false);
  const { data, error, refetch } = useQuery(DEBATE_NEXT_STATEMENT_QUERY, {
    variables: { debateId },
    fetchPolicy: 'network-only',
  });
  const [vote, voting] = useMutation(VOTE_DEBATE_STATEMENT_MUTATION);
  const next = data?.debateNextStatement;

  useLayoutEffect(() => {
    if (moveFocus.current && data) {
      moveFocus.current = false;
      statementRef.current?.focus();
    }
  }, [data]);

  async function onVote(choice: DebateVoteChoice) {
    if (!next) return;
    feedback.clear();
    try {
      await vote({ variables: { statementId: next.id, choice } });
      feedback.succeed(t(`debates.voted.${choice}`));
      moveFocus.current = true;
      await refetch();
      onVoted?.();
    } catch (e) {
      feedback.fail(e);
      statementRef.current?.focus();
    }
  }

  if (error && !data)
    return (
      <FeedbackMessages feedback={{ status: '', error: t('debates.loadFailed'), details: [] }} />
    );
  if (!data) return <Loading />;
  return (
    <section className="voting-card panel" aria-labelledby="voting-card-title">
      <h2 id="voting-card-title">{t('debates.vote.heading')}</h2>
      {next ? (
        <>
          <p
            className="voting-card__statement"
            ref={statementRef}
            tabIndex={-1}
            lang={CONTENT_LANGUAGE}
          >
            {next.body}
          </p>
          <p className="muted">{t('debates.vote.votesSoFar', { count: next.votesCount })}</p>
          {closed ? (
            <p className="notice">{t('debates.closedNotice')}</p>
          ) : (
            <div className="voting-card__actions" role="group" aria-label={t('debates.vote.group')}>
              {CHOICES.map(({ choice, className }) => (
                <button
                  key={choice}
                  type="button"
                  className={className}
                  disabled={voting.loading}
                  onClick={() => void onVote(choice)}
                >
                  {t(`debates.choice.${choice}`)}
                </button>
              ))}
            </div>
          )}
          <ReportForm
            key={next.id}
            resourceType="DEBATE_STATEMENT"
            resourceId={next.id}
            target={next.body}
            reported={next.viewerReported}
            refetchQueries={['DebateNextStatement']}
          />
        </>
      ) : (
        <p className="voting-card__statement" ref={statementRef} tabIndex={-1}>
          {t('debates.vote.allDone')}
        </p>
      )}
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
