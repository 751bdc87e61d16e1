import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');

/**
 * One quick round of `bench/crash-safety.mjs` (the full run is `npm run crash-check`): the
 * built API on its own embedded PostgreSQL under concurrent supports and votes, killed with
 * SIGKILL together with PostgreSQL, restarted; every acknowledged support and vote must be
 * found, counters and limits intact. No browser: the build this suite runs on is enough.
 */
describe('crash safety: one SIGKILL of the API and PostgreSQL under load', () => {
  it('keeps every acknowledged support and vote, and every counter equal to its rows', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      let output = '';
      const child = spawn(process.execPath, [join(WORKSPACE, 'bench/crash-safety.mjs')], {
        cwd: WORKSPACE,
        // the e2e target has built the API already
        env: {
          ...process.env,
          SKIP_BUILD: '1',
          USERS: '30',
          KILLS: '1',
          MIN_MS: '800',
          MAX_MS: '1500',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (exitCode) => done({ code: exitCode, output }));
    });
    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringMatching(/checks: \d+ passed, 0 failed/),
    });
    expect(output).toMatch(/kill 1: SIGKILL API \+ PostgreSQL/);
    expect(output).toMatch(/PostgreSQL crash recoveries seen in its log: 1/);
  }, 120_000);
});
