import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { StatisticsView } from './StatisticsView';

/**
 * `/chiffres-cles`: the platform's key figures, weekly charts with their tables, typologies;
 * `?espace=<id>`: those of one space.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('statistics.title'));
  const [params] = useSearchParams();
  const spaceId = params.get('espace') ?? undefined;
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('statistics.title')}</h1>
      <p className="lead">{t('statistics.intro')}</p>
      <StatisticsView spaceId={spaceId} />
    </section>
  );
}
