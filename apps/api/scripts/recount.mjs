#!/usr/bin/env node
/**
 * `npm run recount -- votation-…-bulletins.json`: recounts a published list of ballots with the
 * API's own counting modules (apps/api/src/modules/ballot/counting, pure TypeScript) and says
 * whether the results stated in the file match. Needs nothing but `npm ci`: the modules are
 * transpiled on the fly with the TypeScript compiler (no build, no database, no network).
 */
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const source = join(root, 'apps/api/src/modules/ballot');

/** Transpiles the counting modules and recount.ts to CommonJS in a temporary folder; returns recount's exports. */
export function loadRecount() {
  const out = mkdtempSync(join(tmpdir(), 'concerto-recount-'));
  const files = [
    'recount.ts',
    'counting/choice.ts',
    'counting/ranking.ts',
    'counting/plurality.ts',
    'counting/schulze.ts',
    'counting/majority-judgment.ts',
    'counting/tally.ts',
  ];
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(out, file.replace(/\.ts$/, '.js'));
    require('node:fs').mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  const recount = require(join(out, 'recount.js'));
  return { recount, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run recount -- <votation-…-bulletins.json>');
    process.exit(2);
  }
  const file = JSON.parse(readFileSync(path, 'utf8'));
  const { recount, cleanup } = loadRecount();
  try {
    const { questions, matches } = recount.recountPublished(file);
    const titles = new Map(file.questions.flatMap((q) => q.options.map((o) => [o.id, o.title])));
    console.log(`« ${file.ballot.title} » — ${file.ballots.length} bulletins`);
    for (const [i, q] of questions.entries()) {
      const winners = q.winners.map((id) => titles.get(id)).join(', ') || '—';
      console.log(
        `  ${i + 1}. ${file.questions[i].title} [${q.method}] : ${q.winners.length > 1 ? 'égalité entre ' : ''}${winners}`,
      );
    }
    console.log(
      matches
        ? 'Recomptage identique aux résultats publiés.'
        : 'ÉCART : le recomptage diffère des résultats publiés.',
    );
    process.exit(matches ? 0 : 1);
  } catch (error) {
    console.error(`Bulletin refusé : ${error.message}`);
    process.exit(1);
  } finally {
    cleanup();
  }
}
