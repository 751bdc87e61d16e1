import { useQuery } from '@apollo/client/react';
import { ComponentType } from '@concerto/domain';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { NotFoundPage } from '../../ui/components/NotFoundPage';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle, useLoadingTitle } from '../../ui/hooks/useDocumentTitle';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY, type ComponentInfo } from '../graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { lazyPage } from '../../layout/components/LazyPage';
import { COMPONENT_TYPE_VIEWS } from '../../component-types';
import { ModerationLink } from '../../moderation/components/ModerationLink';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** Types whose page links their moderation queue here (proposals link theirs among their own tools; surveys take no reports). */
const MODERATED_HERE: ReadonlySet<string> = new Set([
  ComponentType.PARTICIPATORY_TEXT,
  ComponentType.PETITIONS,
  ComponentType.MEETINGS,
  ComponentType.VOTES,
  ComponentType.IDEAS,
  ComponentType.DEBATE,
  ComponentType.NEWS,
]);

// Each component type's view is its own chunk (the survey's charts, the motions' board…):
// a page downloads only the one it shows, after its heading is on screen.
const ProposalList = lazyPage(
  () => import('../../proposals/components/ProposalList'),
  'ProposalList',
);
const ParticipatoryTextView = lazyPage(
  () => import('./ParticipatoryTextView'),
  'ParticipatoryTextView',
);
const SurveyView = lazyPage(() => import('./SurveyView'), 'SurveyView');
const PetitionList = lazyPage(
  () => import('../../petitions/components/PetitionList'),
  'PetitionList',
);
const MotionBoard = lazyPage(() => import('../../assembly/components/MotionBoard'), 'MotionBoard');

function ComponentBody({ component, spaceSlug }: { component: ComponentInfo; spaceSlug: string }) {
  switch (component.type) {
    case ComponentType.PROPOSALS:
      return <ProposalList componentId={component.id} spaceSlug={spaceSlug} />;
    case ComponentType.PARTICIPATORY_TEXT:
      return <ParticipatoryTextView componentId={component.id} />;
    case ComponentType.SURVEY:
      return (
        <SurveyView
          componentId={component.id}
          componentTitle={component.title}
          componentDescription={component.description}
        />
      );
    case ComponentType.MOTIONS:
      return (
        <MotionBoard componentId={component.id} spaceId={component.spaceId} spaceSlug={spaceSlug} />
      );
    case ComponentType.PETITIONS:
      return <PetitionList componentId={component.id} />;
    default: {
      const registered = COMPONENT_TYPE_VIEWS[component.type];
      return registered ? <registered.view componentId={component.id} /> : null;
    }
  }
}

/** `/espaces/:slug/f/:componentId`: a component (Fonctionnalité), shown by its type. */
export function ComponentPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const spaceQuery = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const componentQuery = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const space = spaceQuery.data?.space;
  const component = componentQuery.data?.component;
  const error = (!space && spaceQuery.error) || (!component && componentQuery.error);
  const loadingTitle = useLoadingTitle();
  useDocumentTitle(
    component && space ? `${component.title} · ${space.title}` : error ? null : loadingTitle,
  );

  if (error) {
    return (
      <QueryErrorView
        error={error}
        onRetry={() => {
          void spaceQuery.refetch();
          void componentQuery.refetch();
        }}
      />
    );
  }
  if (!space || !component) return <Loading page />;
  if (component.spaceId !== space.id) return <NotFoundPage />;

  const isProcess = space.type === 'PROCESS';
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          {
            to: isProcess ? '/concertations' : '/assemblees',
            label: t(isProcess ? 'layout.nav.processes' : 'layout.nav.assemblies'),
          },
          { to: `/espaces/${space.slug}`, label: <UserText>{space.title}</UserText> },
        ]}
        current={<UserText>{component.title}</UserText>}
      />
      <header className="page__header">
        <p className="eyebrow">{t(`spaces.componentType.${component.type}`)}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {component.title}
        </h1>
        {component.description ? (
          <Paragraphs text={component.description} className="lead" />
        ) : null}
        {MODERATED_HERE.has(component.type) ? (
          <ModerationLink spaceSlug={space.slug} componentId={component.id} />
        ) : null}
      </header>
      <Suspense fallback={<Loading />}>
        <ComponentBody component={component} spaceSlug={space.slug} />
      </Suspense>
    </article>
  );
}
