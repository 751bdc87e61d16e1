import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { htmlToText, SafeHtml } from '../../ui/components/SafeHtml';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { excerpt } from '../../ui/utils/text';
import { PROPOSALS_QUERY, type Proposal } from '../graphql/components';
import { sessionSeed } from '../utils/sessionSeed';

const EXCERPT_LENGTH = 240;
export const PROPOSALS_PAGE_SIZE = 20;

/** The proposals of a PROPOSALS component, in the session's random order, page by page. */
export function ProposalList({ componentId }: { componentId: string }) {
  const { t, i18n } = useTranslation();
  const [seed] = useState(sessionSeed);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const { data, loading, error, fetchMore } = useQuery(PROPOSALS_QUERY, { variables: { componentId, seed, first: PROPOSALS_PAGE_SIZE } });
  if (error && !data) return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const page = data?.proposals;
  const proposals = page?.edges.map((edge) => edge.node) ?? [];
  if (!page || proposals.length === 0) return <p>{t('proposals.empty')}</p>;

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

  return (
    <>
      <p className="muted">{t('proposals.randomOrder')}</p>
      <p className="muted" role="status">
        {t('proposals.shown', { shown: proposals.length, total: page.totalCount })}
      </p>
      <ul className="items">
        {proposals.map((proposal) => (
          <li key={proposal.id}>
            <ProposalItem proposal={proposal} />
          </li>
        ))}
      </ul>
      {moreError ? <ErrorAlert message={moreError} /> : null}
      {page.pageInfo.hasNextPage ? (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('proposals.loadMore')}
        </button>
      ) : null}
    </>
  );
}

function ProposalItem({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const short = excerpt(htmlToText(proposal.body), EXCERPT_LENGTH);
  return (
    <article className="item">
      <h2 className="item__title">
        {proposal.reference ? <span className="item__reference">{proposal.reference}</span> : null} {proposal.title}
      </h2>
      <p className="item__meta">
        <span className={`badge badge--state badge--${proposal.state.toLowerCase()}`}>{t(`proposals.state.${proposal.state}`)}</span>{' '}
        {proposal.official ? t('proposals.official') : proposal.author ? t('proposals.by', { name: proposal.author.name }) : null}
      </p>
      <div id={bodyId} className="item__body">
        {expanded || !short.truncated ? <SafeHtml html={proposal.body} /> : <p>{short.text}</p>}
      </div>
      {short.truncated ? (
        <button type="button" className="button button--link" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((value) => !value)}>
          {expanded ? t('common.readLess') : t('common.readMore')}
          <span className="visually-hidden">{` : ${proposal.title}`}</span>
        </button>
      ) : null}
    </article>
  );
}
