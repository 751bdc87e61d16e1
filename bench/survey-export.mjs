// Benchmark: streamed survey exports (CSV, XLSX, results JSON) of the demo Enquête at 10k and
// 250k submissions (each a full annex-1 questionnaire: 12 answers), seeded by SQL. Measures
// the time to download each export and the API process's peak RSS growth over its idle RSS
// (sampled from /proc every 20 ms) — the target is 250,000 answers without growing > ~100 MB.
//   npm run build && node bench/survey-export.mjs      (SIZES=10000,250000 by default)
import { readFileSync } from 'node:fs';
import { machine, startBenchServer } from './bench-server.mjs';

const SIZES = (process.env.SIZES ?? '10000,250000').split(',').map(Number);
const EXPORTS = (process.env.EXPORTS ?? 'answers.csv,answers.xlsx,results.json').split(',');
const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; // MiB

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; sizes ${SIZES.join(', ')} submissions (12 answers each)`,
  );
  const login = await server.gql(
    `mutation($input: LoginInput!) { login(input: $input) { token } }`,
    { input: { email: 'admin@bench.test', password: 'bench-admin-password' } },
  );
  const token = login.data.login.token;
  const {
    rows: [survey],
  } = await server.pool.query(`SELECT id FROM surveys ORDER BY created_at LIMIT 1`);
  const { rows: questions } = await server.pool.query(
    `SELECT id, type FROM survey_questions WHERE survey_id = $1 AND removed_at IS NULL ORDER BY position`,
    [survey.id],
  );
  const typology = questions.find((q) => q.type === 'SINGLE_OPTION');
  const { rows: options } = await server.pool.query(
    `SELECT id FROM survey_question_options WHERE question_id = $1 ORDER BY position`,
    [typology.id],
  );
  const scales = questions.filter((q) => q.type === 'SCALE').map((q) => q.id);
  const texts = questions.filter((q) => q.type === 'LONG_ANSWER').map((q) => q.id);

  let seeded = 0;
  for (const size of SIZES) {
    const t0 = Date.now();
    // submissions seeded-1…size, each answering every question (typology, scales, one idea)
    await server.pool.query(
      `INSERT INTO survey_submissions (survey_id, anonymous_token_hash, survey_version, is_demo)
       SELECT $1, 'bench-' || g, 1, true FROM generate_series($2::int + 1, $3::int) g`,
      [survey.id, seeded, size],
    );
    const range = `FROM survey_submissions s WHERE s.survey_id = $1 AND s.anonymous_token_hash LIKE 'bench-%' AND substr(s.anonymous_token_hash, 7)::int > $2`;
    await server.pool.query(
      `INSERT INTO survey_answers (submission_id, question_id, body) SELECT s.id, q, NULL ${range.replace('FROM survey_submissions s', 'FROM survey_submissions s CROSS JOIN unnest($3::uuid[]) q')}`,
      [survey.id, seeded, [typology.id, ...scales]],
    );
    await server.pool.query(
      `INSERT INTO survey_answers (submission_id, question_id, body) SELECT s.id, q, 'Idée n° ' || s.id || ' : mutualiser les données de santé' ${range.replace('FROM survey_submissions s', 'FROM survey_submissions s CROSS JOIN unnest($3::uuid[]) q')}`,
      [survey.id, seeded, texts],
    );
    await server.pool.query(
      `INSERT INTO survey_answer_choices (submission_id, question_id, option_id) SELECT s.id, $3, ($4::uuid[])[1 + s.id % $5] ${range}`,
      [survey.id, seeded, typology.id, options.map((o) => o.id), options.length],
    );
    await server.pool.query(
      `INSERT INTO survey_answer_choices (submission_id, question_id, value) SELECT s.id, q, 1 + (s.id * 7 + ord) % 4 ${range.replace('FROM survey_submissions s', 'FROM survey_submissions s CROSS JOIN unnest($3::uuid[]) WITH ORDINALITY AS u(q, ord)')}`,
      [survey.id, seeded, scales],
    );
    await server.pool.query(
      'ANALYZE survey_submissions; ANALYZE survey_answers; ANALYZE survey_answer_choices',
    );
    seeded = size;
    const {
      rows: [{ n }],
    } = await server.pool.query(
      `SELECT count(*)::int AS n FROM survey_answers a JOIN survey_submissions s ON s.id = a.submission_id WHERE s.survey_id = $1`,
      [survey.id],
    );
    console.log(
      `\n${size} submissions (${n} answers) seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    // baseline, same run: the bench itself reads every answer row by the same keyset walk (no rendering, no HTTP)
    {
      const started = process.hrtime.bigint();
      let after = '0';
      let rows = 0;
      for (;;) {
        const { rows: batch } = await server.pool.query(
          `SELECT id FROM survey_submissions WHERE survey_id = $1 AND id > $2 ORDER BY id LIMIT 2000`,
          [survey.id, after],
        );
        if (!batch.length) break;
        const ids = batch.map((b) => b.id);
        rows += (
          await server.pool.query(
            `SELECT submission_id, question_id, body FROM survey_answers WHERE submission_id = ANY($1::bigint[])`,
            [ids],
          )
        ).rowCount;
        rows += (
          await server.pool.query(
            `SELECT submission_id, question_id, option_id, value FROM survey_answer_choices WHERE submission_id = ANY($1::bigint[])`,
            [ids],
          )
        ).rowCount;
        after = ids[ids.length - 1];
      }
      console.log(
        `baseline: raw keyset read of ${rows} answer and choice rows by a pg client: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s; API idle RSS ${rssOf(server.pid).toFixed(0)} MiB`,
      );
    }
    for (const path of EXPORTS) {
      if (global.gc) global.gc();
      await new Promise((r) => setTimeout(r, 500));
      const idle = rssOf(server.pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 20);
      const started = process.hrtime.bigint();
      const response = await fetch(`${server.url}/exports/surveys/${survey.id}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      let bytes = 0;
      for await (const chunk of response.body) bytes += chunk.length;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(sampler);
      console.log(
        `${path.padEnd(13)} status ${response.status}  ${(ms / 1000).toFixed(2)} s  ${(bytes / 2 ** 20).toFixed(1)} MiB  RSS idle ${idle.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, growth ${(peak - idle).toFixed(0)} MiB`,
      );
    }
  }
} finally {
  await server.stop();
}
