import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { EntityManager } from 'typeorm';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import type { PersonalDataset } from '../../platform/personal-data';

/** A cell: dates in ISO 8601 (UTC), numbers kept as numbers (a negative one is not a formula), booleans as true/false, null as empty. */
const cell = (value: unknown) =>
  value === null || value === undefined
    ? ''
    : value instanceof Date
      ? value.toISOString()
      : typeof value === 'number'
        ? value
        : String(value);

/**
 * Builds the ZIP of one user's data (GDPR art. 15 and 20: the owner's own rows only, each
 * module contributing the datasets of its tables): for each dataset `<name>.json` (an array of objects) and
 * `<name>.csv` (UTF-8 with BOM, header line, comma-separated), plus `LISEZMOI.txt`.
 * Reads through the caller's transaction so the archive is one consistent snapshot.
 * @param manager the caller's transaction
 * @param userId the owner
 * @returns the ZIP file's bytes
 */
export async function buildPersonalDataArchive(
  manager: EntityManager,
  userId: string,
  datasets: readonly PersonalDataset[],
): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  const readme = [
    'Vos données sur Concerto',
    `Export du ${new Date().toISOString()} (dates en UTC, ISO 8601).`,
    'Chaque fichier existe en JSON et en CSV :',
    ...datasets.map((d) => `- ${d.name} : ${d.description}`),
    '',
    'Un bulletin secret n’est jamais relié à son auteur : pour ces scrutins, seul le fait d’avoir voté figure ici.',
  ].join('\r\n');
  zip.append(readme, { name: 'LISEZMOI.txt' });
  for (const dataset of datasets) {
    const rows: Record<string, unknown>[] = await manager.query(dataset.sql, [userId]);
    const json = rows.map((row) =>
      Object.fromEntries(
        dataset.columns.map((c) => [
          c,
          row[c] instanceof Date ? (row[c] as Date).toISOString() : (row[c] ?? null),
        ]),
      ),
    );
    zip.append(JSON.stringify(json, null, 2), { name: `${dataset.name}.json` });
    const csv = stringify(
      [dataset.columns, ...rows.map((row) => dataset.columns.map((c) => cell(row[c])))],
      CSV_OPTIONS,
    );
    zip.append(`\uFEFF${csv}`, { name: `${dataset.name}.csv` });
  }
  await Promise.race([zip.finalize(), failed]);
  return Buffer.concat(chunks);
}
