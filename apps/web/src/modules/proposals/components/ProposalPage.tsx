import { useMutation, useQuery } from '@apollo/client/react';
import { useLiveProposalCounts } from '../../notifications/live/useLiveProposalCounts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { NotFoundPage } from '../../ui/components/NotFoundPage';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { formatDateTime } from '../../ui/utils/dates';
import {
  PROPOSAL_COMPONENT_QUERY,
  PROPOSAL_QUERY,
  PROPOSAL_SUPPORTERS_QUERY,
  UPDATE_PROPOSAL_MUTATION,
  WITHDRAW_PROPOSAL_MUTATION,
  type ProposalComponentStatus,
  type ProposalDetail,
} from '../graphql/proposals';
import { componentPath } from '../paths';
import { editorHtml } from '../utils/editorHtml';
import { AnswerForm } from './AnswerForm';
import { HistorySection } from '../../history/components/HistorySection';
import { CommentThreads } from './CommentThreads';
import { FollowButton } from '../../notifications/components/FollowButton';
import { ProposalStateBadge, SupportProgress } from './ProposalBadges';
import { ProposalForm } from './ProposalForm';
import { ReportForm } from '../../moderation/components/ReportForm';
import { SupportButton } from './SupportButton';
import { DisagreeButton } from './DisagreeButton';
import { displayName } from '../../account/deletedParticipant';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug/f/:componentId/propositions/:proposalId`: one proposal, its supports, answer and comments. */
export function ProposalPage() {
  const { slug = '', componentId = '', proposalId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useMe();
  const spaceQuery = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const componentQuery = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const proposalQuery = useQuery(PROPOSAL_QUERY, { variables: { id: proposalId } });
  const statusQuery = useQuery(PROPOSAL_COMPONENT_QUERY, { variables: { componentId } });
  useLiveProposalCounts(proposalId ? `proposal:${proposalId}` : null);
  const space = spaceQuery.data?.space;
  const component = componentQuery.data?.component;
  const proposal = proposalQuery.data?.proposal;
  const status = statusQuery.data?.proposalComponent;
  const error =
    (!space && spaceQuery.error) ||
    (!component && componentQuery.error) ||
    (!proposal && proposalQuery.error) ||
    (!status && statusQuery.error);
  useDocumentTitle(
    proposal && space ? `${proposal.title} · ${space.title}` : error ? null : t('common.loading'),
  );

  if (error) {
    return (
      <QueryErrorView
        error={error}
        onRetry={() => {
          void spaceQuery.refetch();
          void componentQuery.refetch();
          void proposalQuery.refetch();
          void statusQuery.refetch();
        }}
      />
    );
  }
  if (!space || !component || !proposal || !status) return <Loading page />;
  if (component.spaceId !== space.id || proposal.componentId !== component.id)
    return <NotFoundPage />;

  return (
    <article className="page proposal-page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.slug}`, label: <UserText>{space.title}</UserText> },
          {
            to: componentPath(space.slug, component.id),
            label: <UserText>{component.title}</UserText>,
          },
        ]}
        current={<UserText>{proposal.title}</UserText>}
      />
      <ProposalView proposal={proposal} status={status} meId={me?.id ?? null} />
    </article>
  );
}

interface ProposalViewProps {
  proposal: ProposalDetail;
  status: ProposalComponentStatus;
  meId: string | null;
}

function ProposalView({ proposal, status, meId }: ProposalViewProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const created = (location.state as { created?: string } | null)?.created;
  const signedIn = Boolean(meId);
  const isAuthor = Boolean(meId && proposal.author?.id === meId);
  const [updateProposal] = useMutation(UPDATE_PROPOSAL_MUTATION);
  const { settings } = status;

  return (
    <>
      <header className="page__header">
        <p className="eyebrow">
          {t('proposals.proposal')}
          {proposal.reference ? ` ${proposal.reference}` : null}
        </p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {proposal.title}
        </h1>
        <p className="item__meta">
          <ProposalStateBadge state={proposal.state} />
          {proposal.hidden ? (
            <span className="badge badge--muted">{t('proposals.hiddenBadge')}</span>
          ) : null}{' '}
          {proposal.official
            ? t('proposals.official')
            : proposal.author
              ? t('proposals.by', { name: displayName(proposal.author.name, t) })
              : null}{' '}
          ·{' '}
          {t('proposals.publishedOn', {
            date: formatDateTime(proposal.publishedAt, i18n.language),
          })}
        </p>
        {proposal.origin ? (
          <p className="item__meta">
            {t('proposals.origin')}{' '}
            <Link to={proposal.origin.link} lang={CONTENT_LANGUAGE}>
              {proposal.origin.title}
            </Link>
          </p>
        ) : null}
        {created ? (
          <p role="status" className="message message--success">
            {t('proposals.new.created', { title: created })}
          </p>
        ) : null}
        {proposal.withdrawnAt ? (
          <p className="message message--info">
            {t('proposals.withdraw.withdrawnOn', {
              date: formatDateTime(proposal.withdrawnAt, i18n.language),
            })}
          </p>
        ) : null}
      </header>

      {proposal.answer ? (
        <section aria-labelledby="answer-heading" className="panel proposal-answer">
          <h2 id="answer-heading">{t('proposals.answer.heading')}</h2>
          <p>
            {!proposal.answerPublished ? (
              <span className="badge badge--muted">{t('proposals.answer.draft')}</span>
            ) : null}
            {proposal.internalState ? (
              <ProposalStateBadge state={proposal.internalState} />
            ) : (
              <ProposalStateBadge state={proposal.state} />
            )}
          </p>
          <SafeHtml html={proposal.answer} />
        </section>
      ) : null}

      {editing ? (
        <ProposalForm
          heading={t('proposals.edit.heading')}
          headingId="edit-proposal-heading"
          submitLabel={t('proposals.edit.submit')}
          initial={{ title: proposal.title, body: editorHtml(proposal.body) }}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await updateProposal({ variables: { id: proposal.id, input: values } });
            setEditing(false);
            feedback.succeed(t('proposals.edit.saved'));
          }}
        />
      ) : (
        <SafeHtml html={proposal.body} className="proposal-page__body" />
      )}

      <div className="actions proposal-page__actions">
        {isAuthor && proposal.viewerCanEdit && !editing ? (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('proposals.edit.open')}
          </button>
        ) : null}
        {isAuthor && !proposal.withdrawnAt ? (
          <WithdrawButton proposal={proposal} onDone={(message) => feedback.succeed(message)} />
        ) : null}
        {signedIn ? (
          <FollowButton
            type="PROPOSAL"
            id={proposal.id}
            following={proposal.viewerFollows}
            refetchQueries={['Proposal']}
            labels={{
              follow: t('proposals.follow.follow'),
              unfollow: t('proposals.follow.unfollow'),
              followed: t('proposals.follow.followed'),
              unfollowed: t('proposals.follow.unfollowed'),
            }}
          />
        ) : null}
        {signedIn && !isAuthor ? (
          <ReportForm
            resourceType="PROPOSAL"
            resourceId={proposal.id}
            target={proposal.title}
            reported={proposal.viewerReported}
          />
        ) : null}
      </div>
      {isAuthor && !proposal.viewerCanEdit && !proposal.withdrawnAt ? (
        <p className="muted">{t('proposals.edit.onlyBeforeSupport')}</p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
      <p className="muted">{t('proposals.follow.followers', { count: proposal.followsCount })}</p>

      {settings.supportsState !== 'HIDDEN' || status.viewerCanModerate ? (
        <section aria-labelledby="supports-heading" className="panel">
          <h2 id="supports-heading">{t('proposals.support.heading')}</h2>
          <p>
            <SupportProgress count={proposal.supportsCount} threshold={proposal.threshold} />
          </p>
          {signedIn &&
          settings.supportsState === 'ENABLED' &&
          status.viewerSupportsRemaining !== null ? (
            <p className="supports-banner">
              {t('proposals.remainingSupports', {
                count: status.viewerSupportsRemaining,
                limit: settings.supportLimit,
              })}
            </p>
          ) : null}
          <SupportButton proposal={proposal} settings={settings} signedIn={signedIn} />
          <DisagreeButton proposal={proposal} settings={settings} signedIn={signedIn} />
          <Supporters proposalId={proposal.id} />
        </section>
      ) : null}

      {status.viewerCanModerate && !proposal.withdrawnAt && !proposal.hidden ? (
        <AnswerForm proposal={proposal} headingLevel={2} />
      ) : null}

      <HistorySection kind="proposal" id={proposal.id} />

      <CommentThreads
        proposalId={proposal.id}
        commentsEnabled={settings.commentsEnabled}
        signedIn={signedIn}
      />
    </>
  );
}

function WithdrawButton({
  proposal,
  onDone,
}: {
  proposal: ProposalDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [confirming, setConfirming] = useState(false);
  const [withdraw, { loading }] = useMutation(WITHDRAW_PROPOSAL_MUTATION, {
    refetchQueries: ['Proposals'],
  });

  async function confirm() {
    feedback.clear();
    try {
      await withdraw({ variables: { id: proposal.id } });
      setConfirming(false);
      onDone(t('proposals.withdraw.done'));
    } catch (error) {
      feedback.fail(error);
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('proposals.withdraw.button')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('proposals.withdraw.button')} className="confirm">
      <p>{t('proposals.withdraw.confirm', { title: proposal.title })}</p>
      <button
        type="button"
        className="button button--danger"
        disabled={loading}
        onClick={() => void confirm()}
      >
        {t('proposals.withdraw.confirmButton')}
      </button>{' '}
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}

function Supporters({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(PROPOSAL_SUPPORTERS_QUERY, { variables: { proposalId } });
  const supporters = data?.proposalSupporters;
  if (!supporters) return null;
  return (
    <>
      <h3>{t('proposals.support.supporters')}</h3>
      {supporters.length === 0 ? (
        <p>{t('proposals.support.noSupporters')}</p>
      ) : (
        <ul className="supporters">
          {supporters.map((supporter) => (
            <li key={supporter.userId}>
              {supporter.name} ·{' '}
              <time dateTime={supporter.supportedAt}>
                {formatDateTime(supporter.supportedAt, i18n.language)}
              </time>
              {supporter.counted ? null : ` (${t('proposals.support.notCounted')})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
