import '../statistics.css';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../ui/utils/dates';

/** The key figures' totals as a list: the number (French grouping) and its label, singular or plural. */
export function KeyFiguresList({ figures }: { figures: { key: string; total: number }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="key-figures" aria-label={t('statistics.figuresLabel')}>
      {figures.map((f) => (
        <li key={f.key} className="key-figures__item">
          <strong className="key-figures__number">{formatNumber(f.total, i18n.language)}</strong>{' '}
          <span className="key-figures__label">
            {t(`statistics.label.${f.key}`, { count: f.total, defaultValue: f.key })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** « Chiffres au … »: when the figures were counted. */
export function AsOf({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="key-figures__as-of">
      {t('statistics.asOf', { date: formatDateTime(asOf, i18n.language) })}
    </p>
  );
}
