import { startTestApp, TestApp } from '../../../test/test-app';
import { ProcessLifecycle } from './process-lifecycle';

describe('health: /healthz (liveness) and /readyz (readiness)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready on a migrated database, naming each check', async () => {
    const live = await fetch(`${t.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok', draining: false });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', redis: 'skipped', draining: 'ok' },
      failed: [],
    });
  });

  it('says which migration is pending when the database is behind this build', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.sql(
        `DELETE FROM migrations WHERE name = (SELECT name FROM migrations ORDER BY id DESC LIMIT 1)`,
      );
      const ready = await fetch(`${fresh.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as {
        status: string;
        failed: string[];
        checks: Record<string, string>;
      };
      expect(body.status).toBe('not-ready');
      expect(body.failed).toEqual(['migrations']);
      expect(body.checks.migrations).toMatch(/^pending: \w+\d{13}$/);
    } finally {
      await fresh.close();
    }
  });

  it('turns not-ready while draining, stays live, and still answers requests with Connection: close', async () => {
    t.app.get(ProcessLifecycle).beginDrain();
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not-ready',
      failed: ['draining'],
      checks: { draining: 'draining: shutting down' },
    });
    const live = await fetch(`${t.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    expect(live.headers.get('connection')).toBe('close');
    expect((await t.gql(`{ spaces { id } }`)).data.spaces.length).toBeGreaterThan(0);
  });
});
