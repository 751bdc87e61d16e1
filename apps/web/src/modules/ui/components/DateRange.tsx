import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../utils/dates';

/**
 * "Du … au …" for calendar days (`kind="day"`, YYYY-MM-DD) or instants (`kind="instant"`,
 * shown in Europe/Paris). Renders `<time>` elements with machine-readable values.
 */
export function DateRange({
  start,
  end,
  kind,
}: {
  start: string | null | undefined;
  end: string | null | undefined;
  kind: 'day' | 'instant';
}) {
  const { t, i18n } = useTranslation();
  const format = kind === 'day' ? formatDay : formatDateTime;
  if (!start && !end) return <>{t('dates.none')}</>;
  const startText = start ? format(start, i18n.language) : '';
  const endText = end ? format(end, i18n.language) : '';
  const key = start && end ? 'dates.range' : start ? 'dates.from' : 'dates.until';
  // Translate with placeholders, then put <time> elements in their place.
  const template = t(key, { start: '\u0000start\u0000', end: '\u0000end\u0000' });
  const parts = template.split('\u0000');
  return (
    <>
      {parts.map((part, index) =>
        part === 'start' && start ? (
          <time key={index} dateTime={start}>
            {startText}
          </time>
        ) : part === 'end' && end ? (
          <time key={index} dateTime={end}>
            {endText}
          </time>
        ) : (
          part
        ),
      )}
    </>
  );
}
