import { useTranslation } from 'react-i18next';
import { formatDateTime, type DateStyle } from '../utils/dates';

/** An instant as `<time datetime>` in Europe/Paris, through the one formatter (see `dates.ts`). */
export function DateTime({ iso, style = 'long' }: { iso: string; style?: DateStyle }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{formatDateTime(iso, i18n.language, style)}</time>;
}
