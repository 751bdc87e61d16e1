import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { MEETINGS_QUERY } from '../graphql/meetings';
import { MeetingCard } from './MeetingCard';

/** The meetings of a MEETINGS component (component page): upcoming and ongoing first, then past ones, as cards. */
export function MeetingList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(MEETINGS_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const basePath = `/espaces/${slug}/f/${componentId}`;
  const coming = data.meetings.filter((m) => m.state !== 'PAST');
  const past = data.meetings.filter((m) => m.state === 'PAST').reverse();
  const spaceId = data.meetings[0]?.spaceId;
  return (
    <>
      {spaceId ? (
        <p>
          <a href={`/calendar/spaces/${spaceId}.ics`} download>
            {t('meetings.spaceFeed')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="meetings-upcoming">
        <h2 id="meetings-upcoming">{t('meetings.upcoming')}</h2>
        {coming.length ? (
          <div className="cards">
            {coming.map((m) => (
              <MeetingCard key={m.id} meeting={m} basePath={basePath} />
            ))}
          </div>
        ) : (
          <p>{t('meetings.noneUpcoming')}</p>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="meetings-past">
          <h2 id="meetings-past">{t('meetings.past')}</h2>
          <div className="cards">
            {past.map((m) => (
              <MeetingCard key={m.id} meeting={m} basePath={basePath} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
