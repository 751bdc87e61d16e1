import { useMutation, useQuery } from '@apollo/client/react';
import { ReportForm } from '../../moderation/components/ReportForm';
import { IdeaStatus, type IdeaVoteChoice, IdeaLimits } from '@concerto/domain';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  ADD_IDEA_MUTATION,
  IDEA_BOX_QUERY,
  MODERATE_IDEA_MUTATION,
  NEXT_IDEA_PAIR_MUTATION,
  PENDING_IDEAS_QUERY,
  VOTE_ON_IDEA_PAIR_MUTATION,
  type IdeaBox,
  type IdeaPair,
} from '../graphql/ideas';
import { useLiveIdeaBox } from '../hooks/useLiveIdeaBox';
import '../ideas.css';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug/f/:componentId/idees/:boxId`: the pairwise booth of a Boîte à idées, the form to add an idea and, for moderators, the ideas waiting. */
export function IdeaBoothPage() {
  const { slug = '', componentId = '', boxId = '' } = useParams();
  const { t } = useTranslation();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(IDEA_BOX_QUERY, { variables: { id: boxId } });
  const box = data?.ideaBox;
  // a new idea or new scores elsewhere: the counts follow live
  useLiveIdeaBox(
    componentId,
    boxId,
    useCallback(() => void refetch(), [refetch]),
  );
  useDocumentTitle(box ? box.question : error ? null : t('common.loading'));
  if (error && !box) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!box || !space.data || !component.data) return <Loading page />;
  const s = space.data.space;
  const isProcess = s.type === 'PROCESS';
  return (
    <article className="page ideas" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          {
            to: isProcess ? '/concertations' : '/assemblees',
            label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies'),
          },
          { to: `/espaces/${s.slug}`, label: <UserText>{s.title}</UserText> },
          {
            to: `/espaces/${s.slug}/f/${componentId}`,
            label: <UserText>{component.data.component.title}</UserText>,
          },
        ]}
        current={<UserText>{box.question}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t('ideas.boxes')}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {box.question}
        </h1>
        {box.description ? (
          <p className="lead" lang={CONTENT_LANGUAGE}>
            {box.description}
          </p>
        ) : null}
        <p className="muted">
          {t('ideas.ideasCount', { count: box.ideasCount })} ·{' '}
          {t('ideas.comparisons', { count: box.comparisonsCount })} ·{' '}
          <Link to={`${box.path}/resultats`}>{t('ideas.seeResults')}</Link>
          {box.isDemo ? (
            <>
              {' '}
              · <span className="badge">{t('ideas.demo')}</span>
            </>
          ) : null}
        </p>
      </header>
      <PairwiseBooth box={box} />
      <AddIdeaForm box={box} />
      {box.viewerCanModerate ? <PendingIdeas box={box} /> : null}
    </article>
  );
}

/** Two big buttons, « Je ne sais pas » and « Passer »; the next pair replaces the answered one in place, so focus stays on the button pressed. */
export function PairwiseBooth({ box }: { box: IdeaBox }) {
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const [pair, setPair] = useState<IdeaPair | null | undefined>(undefined);
  const [answered, setAnswered] = useState(0);
  const [announce, setAnnounce] = useState('');
  const [next] = useMutation(NEXT_IDEA_PAIR_MUTATION);
  const [vote, voting] = useMutation(VOTE_ON_IDEA_PAIR_MUTATION);
  const canVote = Boolean(me) || box.anonymousVotingEnabled;
  const { fail } = feedback;

  const load = useCallback(async () => {
    try {
      const result = await next({ variables: { boxId: box.id } });
      setPair(result.data?.nextIdeaPair ?? null);
    } catch (error) {
      fail(error);
      setPair(null);
    }
  }, [box.id, next, fail]);

  useEffect(() => {
    if (!meLoading && canVote) void load();
  }, [meLoading, canVote, load]);

  async function answer(choice: IdeaVoteChoice) {
    // not `disabled` while the vote is under way: a disabled button loses the focus (it would drop to <body>)
    if (!pair || voting.loading) return;
    feedback.clear();
    try {
      const result = await vote({ variables: { pairId: pair.id, choice } });
      const following = result.data?.voteOnIdeaPair.next ?? null;
      setPair(following);
      setAnswered((n) => n + 1);
      setAnnounce(
        following
          ? t('ideas.booth.recorded', { left: following.left.body, right: following.right.body })
          : t('ideas.booth.recordedNoPair'),
      );
    } catch (error) {
      feedback.fail(error);
    }
  }

  if (meLoading) return <Loading />;
  if (!canVote) {
    return (
      <section aria-labelledby="booth-heading" className="panel">
        <h2 id="booth-heading">{t('ideas.booth.prompt')}</h2>
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('ideas.booth.signIn')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="booth-heading" className="panel idea-booth">
      <h2 id="booth-heading">{t('ideas.booth.prompt')}</h2>
      {!me ? <p className="muted">{t('ideas.booth.anonymousNote')}</p> : null}
      <FeedbackMessages feedback={feedback} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {pair === undefined ? (
        <Loading />
      ) : pair === null ? (
        <p>{t('ideas.booth.notEnough')}</p>
      ) : (
        <>
          <div className="idea-booth__pair" role="group" aria-label={t('ideas.booth.pairLabel')}>
            {(['LEFT', 'RIGHT'] as const).map((side) => {
              const idea = side === 'LEFT' ? pair.left : pair.right;
              return (
                <div key={side} className="idea-booth__side">
                  <button
                    type="button"
                    className="idea-booth__choice"
                    aria-label={t('ideas.booth.choose', { idea: idea.body })}
                    aria-disabled={voting.loading || undefined}
                    onClick={() => void answer(side)}
                  >
                    {idea.body}
                  </button>
                  {me ? (
                    <ReportForm
                      key={idea.id}
                      resourceType="IDEA"
                      resourceId={idea.id}
                      target={idea.body}
                      reported={idea.viewerReported}
                      refetchQueries={['IdeaBox']}
                    />
                  ) : null}
                </div>
              );
            })}
          </div>
          <div className="idea-booth__other">
            <button
              type="button"
              className="button"
              aria-disabled={voting.loading || undefined}
              onClick={() => void answer('DONT_KNOW')}
            >
              {t('ideas.booth.dontKnow')}
            </button>
            <button
              type="button"
              className="button button--link"
              aria-disabled={voting.loading || undefined}
              onClick={() => void answer('SKIP')}
            >
              {t('ideas.booth.skip')}
            </button>
          </div>
        </>
      )}
      {answered ? <p className="muted">{t('ideas.booth.answered', { count: answered })}</p> : null}
      <p className="muted">{t('ideas.booth.method')}</p>
    </section>
  );
}

/**
 * « Ajouter une idée »: the idea's length is checked with the API's limits before sending; a
 * problem (or the API's refusal) is said on the field, focus on the error summary. On success the
 * field empties and keeps the focus.
 */
export function AddIdeaForm({ box }: { box: IdeaBox }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const [body, setBody] = useState('');
  const bodyId = useId();
  const bodyField = { id: `${bodyId}-body`, label: t('ideas.add.label') };
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [add, adding] = useMutation(ADD_IDEA_MUTATION, { refetchQueries: [IDEA_BOX_QUERY] });

  if (!box.participantIdeasEnabled && !box.viewerCanModerate) return null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, bodyField, body, {
        min: IdeaLimits.bodyMinLength,
        max: IdeaLimits.bodyMaxLength,
      }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await add({ variables: { boxId: box.id, body: body.trim() } });
      setBody('');
      feedback.succeed(
        t(
          result.data?.addIdea.status === IdeaStatus.PENDING
            ? 'ideas.add.pending'
            : 'ideas.add.published',
        ),
      );
      textareaRef.current?.focus();
    } catch (error) {
      if (!summary.reportApiError(error, { body: bodyField })) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="add-idea-heading" className="panel">
      <h2 id="add-idea-heading">{t('ideas.add.heading')}</h2>
      {!me ? (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('ideas.add.signIn')}
          </Link>
        </p>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorSummary state={summary} />
          <TextAreaField
            {...summary.fieldProps(bodyField)}
            hint={`${t('ideas.add.hint')} ${t('ideas.add.counter', { count: body.length })}`}
            textareaRef={textareaRef}
            value={body}
            maxLength={IdeaLimits.bodyMaxLength}
            rows={3}
            required
            onChange={(e) => setBody(e.target.value)}
          />
          <FeedbackMessages feedback={feedback} />
          <button type="submit" className="button button--primary" disabled={adding.loading}>
            {t('ideas.add.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The ideas waiting for a moderator, each with « Publier » and « Refuser ». */
function PendingIdeas({ box }: { box: IdeaBox }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data } = useQuery(PENDING_IDEAS_QUERY, {
    variables: { boxId: box.id, status: IdeaStatus.PENDING },
    fetchPolicy: 'cache-and-network',
  });
  const [moderate] = useMutation(MODERATE_IDEA_MUTATION, {
    refetchQueries: [PENDING_IDEAS_QUERY, IDEA_BOX_QUERY],
  });
  async function decide(ideaId: string, decision: 'PUBLISH' | 'REJECT') {
    feedback.clear();
    try {
      await moderate({ variables: { ideaId, decision } });
      feedback.succeed(
        t(decision === 'PUBLISH' ? 'ideas.moderation.published' : 'ideas.moderation.rejected'),
      );
    } catch (error) {
      feedback.fail(error);
    }
    headingRef.current?.focus();
  }
  const pending = data?.ideaBoxIdeas ?? [];
  return (
    <section aria-labelledby="pending-ideas" className="panel">
      <h2 id="pending-ideas" ref={headingRef} tabIndex={-1}>
        {t('ideas.moderation.heading')}
      </h2>
      <FeedbackMessages feedback={feedback} />
      {pending.length ? (
        <ul className="idea-pending">
          {pending.map((idea) => (
            <li key={idea.id}>
              <p lang={CONTENT_LANGUAGE}>{idea.body}</p>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void decide(idea.id, 'PUBLISH')}
              >
                {t('ideas.moderation.publish')}
              </button>{' '}
              <button
                type="button"
                className="button"
                onClick={() => void decide(idea.id, 'REJECT')}
              >
                {t('ideas.moderation.reject')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('ideas.moderation.none')}</p>
      )}
    </section>
  );
}
