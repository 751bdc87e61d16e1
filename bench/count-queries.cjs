// Preloaded into the API process by benchmarks that count SQL round trips
// (`NODE_OPTIONS=--require bench/count-queries.cjs`): every pg Client.query call is one round
// trip (TypeORM and the pool go through it, BEGIN and COMMIT included). Round trips made on
// behalf of an HTTP request (its request-id scope) are counted apart from the others (the
// notification dispatcher's drains and its handlers run outside the request's scope). On
// SIGUSR2 the counts so far are written to QUERY_COUNT_FILE as "<signal number> <request> <all>".
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const pg = require('pg');
let all = 0;
let request = 0;
let signals = 0;
let scope;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  all++;
  scope ??= require(join(__dirname, '../dist/apps/api/common/logging/request-id.js'));
  if (scope.currentRequestId() && !scope.currentJobRequestId()) request++;
  return query.apply(this, args);
};
// CPU_PROFILE=<path>: profiles the process between signals, written to <path>.<signal number>.cpuprofile
let session;
if (process.env.CPU_PROFILE) {
  session = new (require('node:inspector').Session)();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
}
process.on('SIGUSR2', () => {
  signals++;
  const n = signals;
  const report = () => writeFileSync(process.env.QUERY_COUNT_FILE, `${n} ${request} ${all}`);
  if (!session) return report();
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      writeFileSync(`${process.env.CPU_PROFILE}.${n}.cpuprofile`, JSON.stringify(result.profile));
    session.post('Profiler.start', report);
  });
});
