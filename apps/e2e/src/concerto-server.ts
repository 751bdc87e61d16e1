import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** PIDs of processes whose command line mentions `needle` (other than this one). */
export function processesMentioning(needle: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', needle], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return [];
  }
}

/**
 * The production build (`dist/apps/api/main.js`, serving `dist/apps/web`) started the way
 * `npm start` starts it, with its embedded PostgreSQL in `dataDir`.
 */
/**
 * The terms and privacy versions a sign-up through the API must accept (`register`'s
 * `acceptedTermsVersion` / `acceptedPrivacyVersion`), read from the running app.
 * @param baseUrl the app's URL
 */
export async function currentTermsVersions(
  baseUrl: string,
): Promise<{ acceptedTermsVersion: number; acceptedPrivacyVersion: number }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ termsDocuments { kind version } }' }),
  });
  const { data } = (await response.json()) as {
    data: { termsDocuments: { kind: string; version: number }[] };
  };
  const version = (kind: string) => data.termsDocuments.find((d) => d.kind === kind)!.version;
  return { acceptedTermsVersion: version('TERMS'), acceptedPrivacyVersion: version('PRIVACY') };
}

export class ConcertoServer {
  private child?: ChildProcess;
  output = '';
  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until `/readyz` answers 200 (at most 120 s). */
  async start(): Promise<void> {
    this.launch();
    await this.waitUntilReady();
  }

  /** Spawns the process without waiting (see {@link waitUntilReady}). */
  launch(): void {
    const main = join(WORKSPACE, 'dist/apps/api/main.js');
    if (!existsSync(main))
      throw new Error(`${main} is missing: build first (nx run-many -t build)`);
    this.output = '';
    this.child = spawn(process.execPath, [main], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(this.port),
        EMBEDDED_POSTGRES_DIR: this.dataDir,
        // beside its database, not in the workspace's `.data` shared with every other server
        OPEN_DATA_DIR: join(this.dataDir, '..', 'open-data'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
  }

  /** The process id of the running server. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Waits until `/readyz` answers 200; throws when the process exits first or after `timeoutMs`. */
  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null)
        throw new Error(`server exited with ${this.child?.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/readyz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server was not ready (/readyz) within ${timeoutMs / 1000} s:\n${this.output}`);
  }

  /** Sends SIGINT (Ctrl-C) or `signal` and waits for the process to exit; returns its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<null>((r) => (timer = setTimeout(() => r(null), 30_000))),
    ]);
    // a pending 30 s timer kept Jest from exiting after a suite (« Jest did not exit one second… »)
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    return code;
  }
}
