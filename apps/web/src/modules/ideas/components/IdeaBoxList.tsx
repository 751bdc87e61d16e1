import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { IDEA_BOXES_QUERY } from '../graphql/ideas';

/** The boxes of an IDEAS component (component page): the question, counts, links to the booth and the results. */
export function IdeaBoxList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(IDEA_BOXES_QUERY, { variables: { componentId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!data.ideaBoxes.length) return <p>{t('ideas.none')}</p>;
  return (
    <section aria-labelledby="idea-boxes">
      <h2 id="idea-boxes">{t('ideas.boxes')}</h2>
      <div className="cards">
        {data.ideaBoxes.map((box) => (
          <article key={box.id} className="card" aria-labelledby={`idea-box-${box.id}`}>
            <h3 id={`idea-box-${box.id}`} className="card__title">
              <Link to={box.path}>{box.question}</Link>
            </h3>
            <p className="card__meta">
              {t('ideas.ideasCount', { count: box.ideasCount })} · {t('ideas.comparisons', { count: box.comparisonsCount })}
              {box.isDemo ? <> · <span className="badge">{t('ideas.demo')}</span></> : null}
            </p>
            <p>
              <Link to={box.path} className="button button--primary">
                {t('ideas.participate')}
              </Link>{' '}
              <Link to={`${box.path}/resultats`}>{t('ideas.seeResults')}</Link>
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
