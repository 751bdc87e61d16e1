// Benchmark: the first page on a slow phone. Lighthouse 12.2.3 (npm) drives Debian's Chromium
// against the built app (API + web) on a throwaway database holding the demo content, with
// Lighthouse's default mobile profile — a Moto G Power-class screen, simulated slow 4G
// (150 ms RTT, 1.6 Mbit/s down) and a 4× CPU slowdown — on three pages: the home page, the
// demo Concertation's proposal list and its charter (participatory text). Each page is
// audited RUNS times (fresh browser profile, cold cache) and the median is printed.
//   npm run build && node bench/lighthouse.mjs        (env RUNS, CHROMIUM_PATH, WEB_DIST_DIR,
//   PAGES=home,charter to audit some pages only, DUMP=1 to keep each report in the temp folder)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { machine, percentile, ROOT, startBenchServer } from './bench-server.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { lcp: 2500, tbt: 200, js: 200 * 1024, a11y: 100 };

const server = await startBenchServer({
  WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(ROOT, 'dist/apps/web'),
  DEMO_CONTENT: 'true',
});
const results = [];
try {
  const { loadavg } = await import('node:os');
  console.log(
    `machine: ${await machine()}, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
  console.log(
    `date: ${new Date().toISOString()}, lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, runs per page: ${RUNS}`,
  );
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
  ].filter(([name]) => !process.env.PAGES || process.env.PAGES.split(',').includes(name));
  // one untimed visit so the API's first-request costs (query plans, pools) are not measured
  for (const [, path] of pages) await fetch(server.url + path);

  for (const [name, path] of pages) {
    const runs = [];
    for (let i = 0, failures = 0; i < RUNS; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'concerto-lh-'));
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        userDataDir: profile,
        chromeFlags: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const { lhr } = await lighthouse(server.url + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        if (lhr.runtimeError) {
          // a busy shared machine can time a DevTools call out: retry that run (twice at most)
          if (++failures > 2)
            throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          console.log(`${name}: ${lhr.runtimeError.code}, run again`);
          i--;
          continue;
        }
        if (process.env.DUMP)
          (await import('node:fs')).writeFileSync(
            join(tmpdir(), `lh-${name.replace(/\W/g, '-')}.json`),
            JSON.stringify(lhr),
          );
        const requests = lhr.audits['network-requests'].details.items;
        const scripts = requests.filter((r) => r.resourceType === 'Script');
        runs.push({
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          fcp: lhr.audits['first-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          js: scripts.reduce((sum, r) => sum + r.transferSize, 0),
          jsRaw: scripts.reduce((sum, r) => sum + r.resourceSize, 0),
          scripts: scripts.length,
          perf: Math.round(lhr.categories.performance.score * 100),
          a11y: Math.round(lhr.categories.accessibility.score * 100),
          a11yFailures: Object.values(lhr.audits)
            .filter(
              (a) =>
                a.scoreDisplayMode === 'binary' &&
                a.score === 0 &&
                lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id),
            )
            .map((a) => a.id),
        });
      } finally {
        await chrome.kill();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    const median = (key) =>
      percentile(
        runs.map((r) => r[key]).sort((a, b) => a - b),
        50,
      );
    results.push({
      name,
      path,
      runs,
      lcp: median('lcp'),
      fcp: median('fcp'),
      tbt: median('tbt'),
      js: median('js'),
      jsRaw: median('jsRaw'),
      perf: median('perf'),
      a11y: median('a11y'),
    });
    console.log(`${name} done (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  }
} finally {
  await server.stop();
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok ? '✓' : '✗');
console.log(
  '\nmedian of the runs; Lighthouse mobile defaults (simulated slow 4G, 4× CPU slowdown)',
);
console.log(
  '\n| page | LCP | FCP | TBT | JS on first load (transferred / uncompressed) | performance | accessibility |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${(r.lcp / 1000).toFixed(2)} s ${mark(r.lcp <= TARGETS.lcp)} | ${(r.fcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms ${mark(r.tbt <= TARGETS.tbt)} | ${kb(r.js)} ${mark(r.js <= TARGETS.js)} / ${kb(r.jsRaw)} | ${r.perf} | ${r.a11y} ${mark(r.a11y >= TARGETS.a11y)} |`,
  );
}
for (const r of results) {
  const failures = [...new Set(r.runs.flatMap((run) => run.a11yFailures))];
  console.log(
    `\n${r.name} (${r.path}): ${r.runs[0].scripts} scripts${failures.length ? `; accessibility audits failed: ${failures.join(', ')}` : ''}`,
  );
}
