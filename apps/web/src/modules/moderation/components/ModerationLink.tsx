import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { moderationPath } from '../../proposals/paths';
import { moderatesSpace, SPACE_MODERATORS_QUERY } from '../graphql/moderation';

/**
 * « Modération »: the link to a component's moderation page (reported content to hide, show again
 * or keep), shown to the space's moderators and admins and to organization admins only. Asks the
 * caller's roles in the space once signed in; visitors cost no request.
 */
export function ModerationLink({
  spaceSlug,
  componentId,
}: {
  spaceSlug: string;
  componentId: string;
}) {
  const { t } = useTranslation();
  const { me } = useMe();
  const { data } = useQuery(SPACE_MODERATORS_QUERY, {
    variables: { slug: spaceSlug },
    skip: !me,
  });
  if (!moderatesSpace(me, data?.space?.viewerRoles)) return null;
  return (
    <p className="no-print">
      <Link className="button" to={moderationPath(spaceSlug, componentId)}>
        {t('moderation.link')}
      </Link>
    </p>
  );
}
