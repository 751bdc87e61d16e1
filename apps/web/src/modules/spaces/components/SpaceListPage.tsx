import { useQuery } from '@apollo/client/react';
import { SpaceType } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { SPACES_QUERY } from '../graphql/spaces';
import { SpaceCard } from './SpaceCard';

/** `/concertations` (PROCESS) and `/assemblees` (ASSEMBLY). */
export function SpaceListPage({ type }: { type: SpaceType }) {
  const { t } = useTranslation();
  const isProcess = type === SpaceType.PROCESS;
  const title = t(isProcess ? 'spaces.processesTitle' : 'spaces.assembliesTitle');
  const { data, loading, error, refetch } = useQuery(SPACES_QUERY, { variables: { type } });
  useDocumentTitle(error && !data ? null : title);

  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading page />;
  const spaces = data?.spaces ?? [];
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="lead">{t(isProcess ? 'spaces.processesIntro' : 'spaces.assembliesIntro')}</p>
      {spaces.length === 0 ? (
        <p>{t(isProcess ? 'spaces.emptyProcesses' : 'spaces.emptyAssemblies')}</p>
      ) : (
        <ul className="cards">
          {spaces.map((space) => (
            <li key={space.id}>
              <SpaceCard space={space} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
