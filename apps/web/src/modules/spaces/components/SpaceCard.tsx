import { SpaceType } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemoBadge } from '../../ui/components/DemoBadge';
import type { SpaceSummary } from '../graphql/spaces';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** A space in a list: title (link), subtitle, active phase of a process, "Démo" badge. */
export function SpaceCard({ space }: { space: SpaceSummary }) {
  const { t } = useTranslation();
  const activePhase = space.phases.find((phase) => phase.active);
  return (
    <article className="card">
      <h2 className="card__title">
        <Link to={`/espaces/${space.slug}`} lang={CONTENT_LANGUAGE}>
          {space.title}
        </Link>
      </h2>
      {space.isDemo || !space.published ? (
        <p className="card__badges">
          {space.isDemo ? <DemoBadge /> : null}
          {!space.published ? (
            <span className="badge badge--muted">{t('common.unpublished')}</span>
          ) : null}
        </p>
      ) : null}
      {space.subtitle ? (
        <p className="card__subtitle" lang={CONTENT_LANGUAGE}>
          {space.subtitle}
        </p>
      ) : null}
      {space.type === SpaceType.PROCESS ? (
        <p className="card__meta">
          {activePhase
            ? t('spaces.activePhase', { title: activePhase.title })
            : t('spaces.noActivePhase')}
        </p>
      ) : null}
    </article>
  );
}
