import { useQuery } from '@apollo/client/react';
import { SpaceType } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { DemoBadge } from '../../ui/components/DemoBadge';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ADMIN_SPACE_QUERY } from '../graphql/admin';
import { AccessDenied } from './AccessDenied';
import { ComponentsAdmin } from './ComponentsAdmin';
import { InvitationsAdmin } from '../../assembly/components/InvitationsAdmin';
import { MembersAdmin } from './MembersAdmin';
import { PhasesAdmin } from './PhasesAdmin';
import { RolesAdmin } from './RolesAdmin';
import { SpaceDetailsForm } from './SpaceDetailsForm';
import { SpacePublication } from './SpacePublication';
import { ParticipationByTypologyAdmin } from '../../statistics/components/ParticipationByTypologyAdmin';

/** `/admin/espaces/:slug`: everything about one space. */
export function SpaceAdminPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const { data, error, refetch } = useQuery(ADMIN_SPACE_QUERY, { variables: { slug }, skip: !me });
  const space = data?.space;
  useDocumentTitle(
    space?.viewerCanAdminister ? t('admin.spaceHeading', { title: space.title }) : null,
  );

  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  if (error && !space) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!space) return <Loading page />;
  if (!space.viewerCanAdminister) return <AccessDenied signedIn />;

  return (
    <article className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.backToAdmin')}</Link>
      </p>
      <header className="page__header">
        <p className="eyebrow">
          {t(`spaces.typeLabel.${space.type}`)} {space.isDemo ? <DemoBadge /> : null}
        </p>
        <h1 id="page-title">{t('admin.spaceHeading', { title: space.title })}</h1>
        <p>
          <Link to={`/espaces/${space.slug}`}>{t('admin.viewSpace')}</Link>
        </p>
      </header>
      <SpacePublication space={space} canDelete={me.isAdmin} />
      <SpaceDetailsForm space={space} />
      {space.type === SpaceType.PROCESS ? (
        <PhasesAdmin spaceId={space.id} phases={space.phases} />
      ) : null}
      <ComponentsAdmin spaceId={space.id} components={space.components} />
      <RolesAdmin spaceId={space.id} />
      <ParticipationByTypologyAdmin spaceId={space.id} />
      {space.type === SpaceType.ASSEMBLY ? <MembersAdmin spaceId={space.id} /> : null}
      {space.type === SpaceType.ASSEMBLY ? <InvitationsAdmin spaceId={space.id} /> : null}
    </article>
  );
}
