import { formatDateTime } from '../../ui/utils/dates';

/** Formats an instant for French (or English) readers in Europe/Paris time, whatever the browser's zone. */
export function formatParisTime(iso: string, language: string): string {
  return formatDateTime(iso, language);
}

/** A `<time>` showing an instant in Europe/Paris time. */
export function ParisTime({ iso, language }: { iso: string; language: string }) {
  return <time dateTime={iso}>{formatParisTime(iso, language)}</time>;
}

/** `datetime-local` value (Europe/Paris wall time) → ISO instant. */
export function parisLocalToIso(local: string): string {
  // find the Paris offset at that wall time by formatting the naive UTC instant in Paris
  const naive = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .formatToParts(naive)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const asParis = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(naive.getTime() - (asParis - naive.getTime())).toISOString();
}

/** Now + `minutes`, as a `datetime-local` value in Europe/Paris wall time. */
export function parisLocal(minutesFromNow: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .formatToParts(new Date(Date.now() + minutesFromNow * 60_000))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
