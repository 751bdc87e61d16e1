// Bytes-only companion of bench/lighthouse.mjs: the JavaScript each of the three audited pages
// (home, the demo Concertation's proposal list and its charter) loads on a cold first visit, per
// chunk, counted as the brotli copies of the build that the API serves (bodies only, no headers).
// Deterministic for a given build, so it can be run on a loaded machine. Optional env LANGUAGE=en
// stores the English choice before the visit.
//   npm run build && node bench/first-load-js.mjs        (env CHROMIUM_PATH, WEB_DIST_DIR, LANGUAGE)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startBenchServer } from './bench-server.mjs';

const DIST = process.env.WEB_DIST_DIR ?? join(ROOT, 'dist/apps/web');
const server = await startBenchServer({ WEB_DIST_DIR: DIST, DEMO_CONTENT: 'true' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
/** Brotli size of a built asset (the served copy), or its plain size when none is stored. */
const brotli = (path) => {
  const file = join(DIST, path);
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
};
try {
  const {
    rows: [space],
  } = await server.pool.query(
    `SELECT id, slug FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const component = async (type) =>
    (
      await server.pool.query(
        `SELECT id FROM components WHERE space_id = $1 AND type = $2 ORDER BY position LIMIT 1`,
        [space.id, type],
      )
    ).rows[0].id;
  const pages = [
    ['home', '/'],
    ['proposal list', `/espaces/${space.slug}/f/${await component('PROPOSALS')}`],
    ['charter', `/espaces/${space.slug}/f/${await component('PARTICIPATORY_TEXT')}`],
  ];
  for (const [name, path] of pages) {
    const context = await browser.newContext();
    if (process.env.LANGUAGE)
      await context.addInitScript(
        (lang) => localStorage.setItem('concerto.language', lang),
        process.env.LANGUAGE,
      );
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().resourceType() === 'script') scripts.push(url.pathname);
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const rows = scripts.map((p) => [p.replace(/^\//, ''), brotli(p)]).sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((sum, [, size]) => sum + size, 0);
    console.log(
      `\n${name} (${path}): ${(total / 1024).toFixed(1)} KB brotli, ${rows.length} scripts`,
    );
    for (const [file, size] of rows)
      console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
