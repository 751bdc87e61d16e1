import { useQuery } from '@apollo/client/react';
import { SpaceType } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle, useLoadingTitle } from '../../ui/hooks/useDocumentTitle';
import { useMe } from '../../auth/hooks/useMe';
import { FollowButton } from '../../notifications/components/FollowButton';
import { SPACE_QUERY } from '../graphql/spaces';
import { KeyFiguresBlock } from '../../statistics/components/KeyFiguresBlock';
import { MemberList } from './MemberList';
import { PhaseList } from './PhaseList';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug`: a Concertation or an Assemblée. */
export function SpacePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(SPACE_QUERY, { variables: { slug } });
  const { me } = useMe();
  const space = data?.space;
  const loadingTitle = useLoadingTitle();
  useDocumentTitle(space?.title ?? (error ? null : loadingTitle));

  if (error && !space) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!space) return <Loading page />;

  const isProcess = space.type === SpaceType.PROCESS;
  const listPath = isProcess ? '/concertations' : '/assemblees';
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: listPath, label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies') },
        ]}
        current={<UserText>{space.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">
          {t(`spaces.typeLabel.${space.type}`)} {space.isDemo ? <DemoBadge /> : null}{' '}
          {!space.published ? (
            <span className="badge badge--muted">{t('common.unpublished')}</span>
          ) : null}
        </p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {space.title}
        </h1>
        {space.subtitle ? (
          <p className="lead" lang={CONTENT_LANGUAGE}>
            {space.subtitle}
          </p>
        ) : null}
        {me ? (
          <div>
            <FollowButton
              type="SPACE"
              id={space.id}
              following={space.viewerFollows}
              refetchQueries={['Space']}
              labels={{
                follow: t('notifications.followSpace'),
                unfollow: t('notifications.unfollowSpace'),
                followed: t('notifications.followedSpace'),
                unfollowed: t('notifications.unfollowedSpace'),
              }}
            />
          </div>
        ) : null}
        {space.viewerCanAdminister ? (
          <p>
            <Link to={`/admin/espaces/${space.slug}`}>{t('spaces.adminThisSpace')}</Link>
          </p>
        ) : null}
      </header>

      {space.description ? (
        <section aria-labelledby="space-description">
          <h2 id="space-description">{t('spaces.description')}</h2>
          <Paragraphs text={space.description} className="prose" />
        </section>
      ) : null}

      {isProcess && space.phases.length > 0 ? (
        <section aria-labelledby="space-phases">
          <h2 id="space-phases">{t('spaces.phases')}</h2>
          <PhaseList phases={space.phases} />
        </section>
      ) : null}

      <section aria-labelledby="space-components">
        <h2 id="space-components">{t('spaces.components')}</h2>
        {space.components.length === 0 ? (
          <p>{t('spaces.noComponents')}</p>
        ) : (
          <ul className="component-links">
            {space.components.map((component) => (
              <li key={component.id}>
                <Link to={`/espaces/${space.slug}/f/${component.id}`} lang={CONTENT_LANGUAGE}>
                  {component.title}
                </Link>{' '}
                <span className="muted">({t(`spaces.componentType.${component.type}`)})</span>
                {!component.published ? (
                  <span className="badge badge--muted">{t('common.unpublished')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <KeyFiguresBlock spaceId={space.id} />

      {space.type === SpaceType.ASSEMBLY ? (
        <section aria-labelledby="space-members">
          <h2 id="space-members">{t('spaces.members')}</h2>
          <MemberList spaceId={space.id} />
          <p>
            <Link to={`/espaces/${space.slug}/proces-verbal`}>{t('assembly.minutesLink')}</Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}
