import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMINISTERED_SPACES_QUERY } from '../../auth/graphql/auth';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { IDEA_BOXES_QUERY } from '../graphql/ideas';
import { CreateIdeaBoxForm } from './CreateIdeaBoxForm';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The boxes of an IDEAS component (component page): the question, counts, links to the booth and the results. */
export function IdeaBoxList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(IDEA_BOXES_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  const canAdminister = useCanAdministerComponent(componentId);
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const form = canAdminister ? <CreateIdeaBoxForm componentId={componentId} /> : null;
  if (!data.ideaBoxes.length) {
    return (
      <>
        <p>{t('ideas.none')}</p>
        {form}
      </>
    );
  }
  return (
    <>
      <section aria-labelledby="idea-boxes">
        <h2 id="idea-boxes">{t('ideas.boxes')}</h2>
        <div className="cards">
          {data.ideaBoxes.map((box) => (
            <article key={box.id} className="card" aria-labelledby={`idea-box-${box.id}`}>
              <h3 id={`idea-box-${box.id}`} className="card__title">
                <Link to={box.path} lang={CONTENT_LANGUAGE}>
                  {box.question}
                </Link>
              </h3>
              <p className="card__meta">
                {t('ideas.ideasCount', { count: box.ideasCount })} ·{' '}
                {t('ideas.comparisons', { count: box.comparisonsCount })}
                {box.isDemo ? (
                  <>
                    {' '}
                    · <span className="badge">{t('ideas.demo')}</span>
                  </>
                ) : null}
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
      {form}
    </>
  );
}

/** Whether the viewer administers the component's space (organization admins too). */
function useCanAdministerComponent(componentId: string): boolean {
  const { me } = useMe();
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const spaces = useQuery(ADMINISTERED_SPACES_QUERY, { skip: !me || me.isAdmin });
  if (!me) return false;
  if (me.isAdmin) return true;
  const spaceId = component.data?.component.spaceId;
  return Boolean(
    spaceId && spaces.data?.spaces.some((s) => s.id === spaceId && s.viewerCanAdminister),
  );
}
