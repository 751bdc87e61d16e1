import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KNOWN_CROSSINGS, SHARED_READ_TABLES, TABLE_OWNERS } from '../../src/platform/table-owners';
import { moduleSources, tableReferences } from './module-sources';

/**
 * "Each feature owns its tables": the SQL of a module names only the tables it owns
 * (`platform/table-owners.ts`), except read-only joins on the platform's backbone
 * (`SHARED_READ_TABLES`) and the listed crossings still to remove (which may only shrink).
 */
describe('table ownership', () => {
  const owners = new Map<string, string>(
    Object.entries(TABLE_OWNERS).flatMap(([module, tables]) =>
      tables.map((t) => [t, module] as [string, string]),
    ),
  );
  const tables = [...owners.keys()];

  it('gives every table created by a migration exactly one owner, and owners are module folders', () => {
    const dir = resolve(__dirname, '../../src/database/migrations');
    const created = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(
        /CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g,
      ))
        created.add(m[1]);
    }
    expect([...created].filter((t) => !owners.has(t)).sort()).toEqual([]);
    expect(tables.filter((t) => !created.has(t)).sort()).toEqual([]);
    const listed = Object.values(TABLE_OWNERS).flat();
    expect(listed.length).toBe(new Set(listed).size);
    const folders = new Set(moduleSources().map((s) => s.module));
    expect(Object.keys(TABLE_OWNERS).filter((m) => !folders.has(m))).toEqual([]);
  });

  it('finds a crossing when there is one (the scanner itself)', () => {
    expect(
      tableReferences(
        'SELECT 1 FROM proposals p JOIN users u ON true; UPDATE follows SET x = 1',
        tables,
      ),
    ).toEqual([
      { table: 'proposals', write: false },
      { table: 'users', write: false },
      { table: 'follows', write: true },
    ]);
  });

  it('keeps every module’s SQL on its own tables (shared reads and the listed crossings aside)', () => {
    const found = new Map<
      string,
      { module: string; table: string; write: boolean; file: string }
    >();
    for (const source of moduleSources()) {
      for (const ref of tableReferences(source.text, tables)) {
        if (owners.get(ref.table) === source.module) continue;
        if (!ref.write && (SHARED_READ_TABLES as readonly string[]).includes(ref.table)) continue;
        const key = `${source.module} ${ref.write ? 'writes' : 'reads'} ${ref.table}`;
        if (!found.has(key)) found.set(key, { ...ref, module: source.module, file: source.file });
      }
    }
    const known = new Set(
      KNOWN_CROSSINGS.map((c) => `${c.module} ${c.write ? 'writes' : 'reads'} ${c.table}`),
    );
    const unexpected = [...found.entries()]
      .filter(([key]) => !known.has(key))
      .map(([key, c]) => `${key} (${c.file}) — ask ${owners.get(c.table)}'s service`);
    expect(unexpected).toEqual([]);
    // a crossing removed from the code leaves the list too: it only shrinks
    expect([...known].filter((key) => !found.has(key))).toEqual([]);
  });
});
