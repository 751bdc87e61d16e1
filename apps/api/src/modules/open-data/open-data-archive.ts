import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import type { OpenDataset } from '../../platform/open-data';

/**
 * A cell: dates in ISO 8601 (UTC), numbers kept as numbers, booleans as true/false, null as
 * empty, and a JSON value (an object or array a provider selected from a json column) as JSON
 * text, never « [object Object] ».
 */
const cell = (value: unknown) =>
  value === null || value === undefined
    ? ''
    : value instanceof Date
      ? value.toISOString()
      : typeof value === 'number'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);

/** The README of the archive: what it is, when it was built, every file and its columns. */
export function openDataReadme(datasets: readonly OpenDataset[], builtAt: Date): string {
  return [
    'Données ouvertes de Concerto',
    `Construites le ${builtAt.toISOString()} (dates en UTC, ISO 8601).`,
    '',
    'Contenus publics seulement : espaces et fonctionnalités publiés, rien de masqué par la modération,',
    'de retiré, de supprimé ni de brouillon. Les auteurs figurent sous leur nom public',
    '(« Participant supprimé » pour un compte supprimé) ; aucune adresse électronique.',
    'Fichiers CSV en UTF-8 (avec BOM), séparés par des virgules, une ligne d’en-tête.',
    '',
    ...datasets.flatMap((d) => [
      `${d.name}.csv : ${d.description}`,
      ...d.columns.map((c) => `  - ${c.name} : ${c.description}`),
      '',
    ]),
  ].join('\r\n');
}

/** The CSV text of one dataset, header first, one chunk per batch (pulled as the ZIP consumes it). */
async function* csvChunks(dataset: OpenDataset, manager: EntityManager): AsyncGenerator<string> {
  const names = dataset.columns.map((c) => c.name);
  yield `\uFEFF${stringify([names], CSV_OPTIONS)}`;
  for await (const batch of dataset.batches(manager)) {
    if (batch.length)
      yield stringify(
        batch.map((row) => names.map((n) => cell(row[n]))),
        CSV_OPTIONS,
      );
  }
}

/**
 * Writes the open-data ZIP to `path`, streaming each dataset's rows from the database one batch
 * at a time (memory stays flat): `README.txt`, then `<name>.csv` per dataset, one after the other
 * (the datasets share `manager`'s connection).
 * @param manager the build's read-only transaction (one snapshot for every file)
 * @param path the file to write (a temporary name: the caller renames it once complete)
 */
export async function writeOpenDataArchive(
  manager: EntityManager,
  datasets: readonly OpenDataset[],
  builtAt: Date,
  path: string,
): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
  });
  zip.pipe(out);
  const closed = once(out, 'close');
  const work = (async () => {
    const readme = once(zip, 'entry');
    zip.append(openDataReadme(datasets, builtAt), { name: 'README.txt', date: builtAt });
    await readme;
    for (const dataset of datasets) {
      const entry = once(zip, 'entry');
      zip.append(Readable.from(csvChunks(dataset, manager), { objectMode: false }), {
        name: `${dataset.name}.csv`,
        date: builtAt,
      });
      await entry; // one dataset at a time: its queries run on the transaction's connection
    }
    await zip.finalize();
    await closed;
  })();
  await Promise.race([work, failed]);
}
