import { useTranslation } from 'react-i18next';

/** The "Démo" badge of demonstration content. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--demo" title={t('common.demoTitle')}>
      {t('common.demo')}
    </span>
  );
}
