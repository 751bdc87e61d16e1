import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useLiveProposalCounts } from '../../notifications/live/useLiveProposalCounts';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { EmptyState } from '../../ui/components/EmptyState';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { htmlToText } from '../../ui/components/SafeHtml';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { excerpt } from '../../ui/utils/text';
import {
  CREATE_PROPOSAL_MUTATION,
  PROPOSAL_COMPONENT_QUERY,
  PROPOSALS_QUERY,
  type ProposalComponentStatus,
  type ProposalFilter,
  type ProposalSummary,
  type ProposalsVariables,
} from '../graphql/proposals';
import { moderationPath, proposalPath } from '../paths';
import { dropSessionSeed, sessionSeed, storeSessionSeed } from '../utils/sessionSeed';
import { ProposalStateBadge, SupportProgress } from './ProposalBadges';
import {
  availableOrders,
  choiceFromParams,
  DEFAULT_CHOICE,
  isNarrowed,
  paramsWithChoice,
  ProposalFilters,
  type ProposalListChoice,
} from './ProposalFilters';
import { ProposalForm } from './ProposalForm';
import { displayName } from '../../account/deletedParticipant';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const EXCERPT_LENGTH = 240;
export const PROPOSALS_PAGE_SIZE = 20;

/**
 * The variables of the `proposals` query for a choice: the seed only for RANDOM, and a filter
 * holding only what was chosen (withdrawn proposals only when that state is asked for).
 */
export function proposalsVariables(
  componentId: string,
  choice: ProposalListChoice,
  seed: string,
): ProposalsVariables {
  const filter: ProposalFilter = {};
  if (choice.state) filter.states = [choice.state];
  if (choice.state === 'WITHDRAWN') filter.includeWithdrawn = true;
  if (choice.search) filter.search = choice.search;
  if (choice.mine) filter.mine = true;
  if (choice.supportedByMe) filter.supportedByMe = true;
  return {
    componentId,
    order: choice.order,
    seed: choice.order === 'RANDOM' ? seed : null,
    first: PROPOSALS_PAGE_SIZE,
    filter,
  };
}

interface ProposalListProps {
  componentId: string;
  spaceSlug: string;
  /** `moderation`: the list inside the moderation page (no creation form, no supports banner). */
  variant?: 'page' | 'moderation';
}

/**
 * What of an asked choice the list can apply: an order the component offers (else the default),
 * « mine » and « supported by me » only for a signed-in viewer (kept while the session loads).
 */
export function usableChoice(
  asked: ProposalListChoice,
  status: Pick<ProposalComponentStatus, 'settings'>,
  signedOut: boolean,
): ProposalListChoice {
  const orders = availableOrders(
    status.settings.supportsState,
    status.settings.disagreementsEnabled,
  );
  return {
    ...asked,
    order: orders.includes(asked.order) ? asked.order : DEFAULT_CHOICE.order,
    mine: asked.mine && !signedOut,
    supportedByMe: asked.supportedByMe && !signedOut,
  };
}

/**
 * The proposals of a PROPOSALS component: order and filters (kept in the address, so Back, a
 * reload and a shared link show the same list), the session's random order (one seed per
 * component in sessionStorage, so paging never repeats), "Afficher plus" paging by cursor,
 * "Mélanger" for moderators, the remaining supports and the new proposal form.
 */
export function ProposalList({ componentId, spaceSlug, variant = 'page' }: ProposalListProps) {
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const statusQuery = useQuery(PROPOSAL_COMPONENT_QUERY, { variables: { componentId } });
  useLiveProposalCounts(componentId ? `component:${componentId}` : null);
  const status = statusQuery.data?.proposalComponent;
  const [params, setParams] = useSearchParams();
  const [seed, setSeed] = useState(() => sessionSeed(componentId));

  if (statusQuery.error && !status) return <ErrorAlert message={t('errors.loadFailed')} />;
  if (!status) return <Loading />;
  const choice = usableChoice(choiceFromParams(params), status, !me && !meLoading);
  const setChoice = (next: ProposalListChoice) =>
    setParams((current) => paramsWithChoice(current, next), {
      replace: true,
      preventScrollReset: true,
    });
  return (
    <>
      {variant === 'page' ? (
        <ProposalListHeader status={status} spaceSlug={spaceSlug} signedIn={Boolean(me)} />
      ) : null}
      <section aria-labelledby={`proposal-list-${componentId}`} className="proposal-list">
        <h2 id={`proposal-list-${componentId}`}>{t('proposals.listHeading')}</h2>
        <ProposalFilters
          choice={choice}
          onChange={setChoice}
          supportsState={status.settings.supportsState}
          disagreementsEnabled={status.settings.disagreementsEnabled}
          signedIn={Boolean(me)}
        />
        <ProposalResults
          variables={proposalsVariables(componentId, choice, seed)}
          narrowed={isNarrowed(choice)}
          onClear={() => setChoice({ ...DEFAULT_CHOICE, order: choice.order })}
          spaceSlug={spaceSlug}
          canShuffle={status.viewerCanModerate}
          onShuffled={(next) => {
            storeSessionSeed(componentId, next);
            setSeed(next);
          }}
        />
      </section>
    </>
  );
}

function ProposalListHeader({
  status,
  spaceSlug,
  signedIn,
}: {
  status: ProposalComponentStatus;
  spaceSlug: string;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const { settings } = status;
  return (
    <>
      {status.viewerCanModerate ? (
        <p>
          <Link to={moderationPath(spaceSlug, status.componentId)} className="button">
            {t('proposals.moderationLink')}
          </Link>
        </p>
      ) : null}
      {signedIn &&
      settings.supportsState === 'ENABLED' &&
      status.viewerSupportsRemaining !== null ? (
        <p className="message message--info supports-banner">
          {t('proposals.remainingSupports', {
            count: status.viewerSupportsRemaining,
            limit: settings.supportLimit,
          })}
        </p>
      ) : null}
      {settings.creationEnabled ? (
        signedIn ? (
          <NewProposal componentId={status.componentId} spaceSlug={spaceSlug} />
        ) : (
          <p>
            <Link to="/connexion" state={{ from: location.pathname }}>
              {t('proposals.new.signIn')}
            </Link>
          </p>
        )
      ) : null}
    </>
  );
}

function NewProposal({ componentId, spaceSlug }: { componentId: string; spaceSlug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const [createProposal] = useMutation(CREATE_PROPOSAL_MUTATION, { refetchQueries: ['Proposals'] });
  return (
    <div className="new-proposal">
      <button
        type="button"
        className="button button--primary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('proposals.new.open')}
      </button>
      <div id={formId} hidden={!open}>
        {open ? (
          <ProposalForm
            heading={t('proposals.new.heading')}
            headingId={`${formId}-heading`}
            submitLabel={t('proposals.new.submit')}
            onCancel={() => setOpen(false)}
            onSubmit={async (values) => {
              const result = await createProposal({
                variables: { input: { componentId, ...values } },
              });
              const created = result.data?.createProposal;
              if (created)
                void navigate(proposalPath(spaceSlug, componentId, created.id), {
                  state: { created: created.title },
                });
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

interface ProposalResultsProps {
  variables: ProposalsVariables;
  /** A search or filter narrows the list: an empty result says so and offers to clear them. */
  narrowed: boolean;
  onClear: () => void;
  spaceSlug: string;
  canShuffle: boolean;
  onShuffled: (seed: string) => void;
}

function ProposalResults({
  variables,
  narrowed,
  onClear,
  spaceSlug,
  canShuffle,
  onShuffled,
}: ProposalResultsProps) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [shuffling, setShuffling] = useState(false);
  const [shuffleMessage, setShuffleMessage] = useState('');
  const query = useQuery(PROPOSALS_QUERY, { variables });
  const { loading, error, fetchMore } = query;
  // the cards render as a deferred update (in slices), not in the task that receives the answer
  const data = useDeferredValue(query.data);
  const page = data?.proposals;

  async function loadMore() {
    if (!page?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({ variables: { after: page.pageInfo.endCursor } });
    } catch (caught) {
      setMoreError(errorMessage(parseApiError(caught), t, i18n.language));
    } finally {
      setLoadingMore(false);
    }
  }

  async function shuffle() {
    setShuffling(true);
    setMoreError(null);
    setShuffleMessage('');
    try {
      // no seed: the server draws a new one and returns it with the first page
      dropSessionSeed(variables.componentId);
      const result = await client.query({
        query: PROPOSALS_QUERY,
        variables: { ...variables, seed: null },
        fetchPolicy: 'network-only',
      });
      const next = result.data?.proposals.seed;
      if (next) {
        client.writeQuery({
          query: PROPOSALS_QUERY,
          variables: { ...variables, seed: next },
          data: result.data!,
        });
        onShuffled(next);
        setShuffleMessage(t('proposals.shuffled'));
      }
    } catch (caught) {
      setMoreError(errorMessage(parseApiError(caught), t, i18n.language));
    } finally {
      setShuffling(false);
    }
  }

  const proposals = page?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      {variables.order === 'RANDOM' ? (
        <div className="proposal-list__random">
          <p className="muted">{t('proposals.randomOrder')}</p>
          {canShuffle ? (
            <button
              type="button"
              className="button"
              onClick={() => void shuffle()}
              disabled={shuffling}
            >
              {t('proposals.shuffle')}
            </button>
          ) : null}
        </div>
      ) : null}
      {variables.order === 'CONSENSUS' ? (
        <p className="muted">{t('proposals.consensusOrder')}</p>
      ) : null}
      <p role="status" className="muted">
        {shuffleMessage ? `${shuffleMessage} ` : ''}
        {page ? t('proposals.count', { count: page.totalCount }) : ''}
      </p>
      {error && !data ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : null}
      {!data && (loading || query.data) ? <Loading /> : null}
      {page && proposals.length === 0 ? (
        narrowed ? (
          <EmptyState
            text={t('proposals.emptyNarrowed')}
            action={
              <button type="button" className="button" onClick={onClear}>
                {t('proposals.filters.clearAll')}
              </button>
            }
          />
        ) : (
          <EmptyState text={t('proposals.empty')} />
        )
      ) : null}
      {proposals.length > 0 ? (
        <ul className="items">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard
                proposal={proposal}
                href={proposalPath(spaceSlug, variables.componentId, proposal.id)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {page && proposals.length > 0 ? (
        <p className="muted">
          {t('proposals.shown', { shown: proposals.length, total: page.totalCount })}
        </p>
      ) : null}
      {moreError ? <ErrorAlert message={moreError} /> : null}
      {page?.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void loadMore()}
          disabled={loadingMore}
        >
          {loadingMore ? t('common.loading') : t('proposals.loadMore')}
        </button>
      ) : null}
    </>
  );
}

/** One proposal in the list: title (link), state, author, excerpt, supports, « pas d'accord » (when enabled) and comments counts. */
export function ProposalCard({ proposal, href }: { proposal: ProposalSummary; href: string }) {
  const { t } = useTranslation();
  const short = excerpt(htmlToText(proposal.body), EXCERPT_LENGTH);
  return (
    <article className="item proposal-card">
      <h3 className="item__title">
        <Link to={href}>
          {proposal.reference ? (
            <span className="item__reference">{proposal.reference}</span>
          ) : null}{' '}
          <UserText>{proposal.title}</UserText>
        </Link>
      </h3>
      <p className="item__meta">
        <ProposalStateBadge state={proposal.state} />{' '}
        {proposal.hidden ? (
          <span className="badge badge--muted">{t('proposals.hiddenBadge')}</span>
        ) : null}{' '}
        {proposal.official
          ? t('proposals.official')
          : proposal.author
            ? t('proposals.by', { name: displayName(proposal.author.name, t) })
            : null}
      </p>
      <p className="item__body" lang={CONTENT_LANGUAGE}>
        {short.text}
      </p>
      <p className="item__meta proposal-card__counts">
        <SupportProgress count={proposal.supportsCount} threshold={proposal.threshold} />{' '}
        {proposal.disagreementsCount !== null && proposal.disagreementsCount !== undefined ? (
          <span>{t('proposals.disagree.count', { count: proposal.disagreementsCount })} </span>
        ) : null}
        <span>{t('proposals.commentsCount', { count: proposal.commentsCount })}</span>
      </p>
    </article>
  );
}
