import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { excerpt } from '../../ui/utils/text';
import { PROPOSALS_QUERY, type Proposal } from '../graphql/components';

const EXCERPT_LENGTH = 240;

/** The proposals of a PROPOSALS component. */
export function ProposalList({ componentId }: { componentId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(PROPOSALS_QUERY, { variables: { componentId } });
  if (error && !data) return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const proposals = data?.proposals ?? [];
  if (proposals.length === 0) return <p>{t('proposals.empty')}</p>;
  return (
    <>
      <p className="muted">{t('proposals.count', { count: proposals.length })}</p>
      <ul className="items">
        {proposals.map((proposal) => (
          <li key={proposal.id}>
            <ProposalItem proposal={proposal} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ProposalItem({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const short = excerpt(proposal.body, EXCERPT_LENGTH);
  return (
    <article className="item">
      <h2 className="item__title">
        {proposal.reference ? <span className="item__reference">{proposal.reference}</span> : null} {proposal.title}
      </h2>
      <p className="item__meta">
        <span className={`badge badge--state badge--${proposal.state.toLowerCase()}`}>{t(`proposals.state.${proposal.state}`)}</span>{' '}
        {proposal.official ? t('proposals.official') : proposal.authorName ? t('proposals.by', { name: proposal.authorName }) : null}
      </p>
      <div id={bodyId} className="item__body">
        {expanded || !short.truncated ? <Paragraphs text={proposal.body} /> : <p>{short.text}</p>}
      </div>
      {short.truncated ? (
        <button type="button" className="button button--link" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((value) => !value)}>
          {expanded ? t('common.readLess') : t('common.readMore')}
          <span className="visually-hidden"> : {proposal.title}</span>
        </button>
      ) : null}
    </article>
  );
}
