import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { DEBATES_QUERY } from '../graphql/debates';
import '../debates.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The debates of a DEBATE component (component page): topic, counts, links to vote and to the results. */
export function DebateList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(DEBATES_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const base = `/espaces/${slug}/f/${componentId}/debats`;
  if (!data.debates.length) return <p>{t('debates.none')}</p>;
  return (
    <ul className="debate-list">
      {data.debates.map((d) => (
        <li key={d.id} className="card">
          <h2 className="card__title">
            <Link to={`${base}/${d.id}`} lang={CONTENT_LANGUAGE}>
              {d.title}
            </Link>{' '}
            {d.isDemo ? <DemoBadge /> : null}
          </h2>
          <p>
            {t('debates.statements', { count: d.statementsCount })} ·{' '}
            {t('debates.participants', { count: d.participantsCount })}
            {d.closedAt ? (
              <>
                {' '}
                · <span className="badge badge--closed">{t('debates.closed')}</span>
              </>
            ) : null}
          </p>
          <p>
            <Link to={`${base}/${d.id}/resultats`}>{t('debates.seeResults')}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
