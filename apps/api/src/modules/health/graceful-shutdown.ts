import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AppConfig } from '../../config/app-config';
import { NotificationGateway } from '../notification/notification.gateway';
import { ProcessLifecycle } from './process-lifecycle';

/** How a graceful shutdown went. */
export interface ShutdownReport {
  /** Sockets told to reconnect elsewhere. */
  socketsHandedOver: number;
  /** Requests still unanswered when SHUTDOWN_TIMEOUT_MS ran out (their connections were cut). */
  requestsCut: number;
  /** True when every step finished within its bound. */
  clean: boolean;
  /** Duration in milliseconds. */
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a serving process without failing anyone it holds:
 * 1. turns not-ready (`/readyz` → 503 `draining`) and keeps serving for SHUTDOWN_DELAY_MS
 *    (for load balancers that poll readiness);
 * 2. stops accepting connections (a proxy then sends new requests to another replica: nginx
 *    retries a refused connection), idle keep-alive connections are closed and busy ones get
 *    `Connection: close` with their last response;
 * 3. closes every Socket.IO transport, so browsers reconnect at once to another replica and
 *    catch up from the inbox;
 * 4. waits for in-flight requests, at most SHUTDOWN_TIMEOUT_MS, then cuts what is left;
 * 5. closes the application: background workers finish their unit of work (a claimed row is
 *    committed, or rolled back and so released to the other replicas), schedulers end their
 *    tick, then Socket.IO, Redis and the database pool close.
 * @param app the listening application
 * @param config SHUTDOWN_DELAY_MS and SHUTDOWN_TIMEOUT_MS
 * @param log progress lines
 */
export async function shutDownGracefully(
  app: INestApplication,
  config: Pick<AppConfig, 'SHUTDOWN_DELAY_MS' | 'SHUTDOWN_TIMEOUT_MS'>,
  log: (line: string) => void,
): Promise<ShutdownReport> {
  const started = Date.now();
  const lifecycle = app.get(ProcessLifecycle);
  lifecycle.beginDrain();
  log(`draining: not ready; ${lifecycle.inFlight} request(s) in flight`);
  if (config.SHUTDOWN_DELAY_MS > 0) await sleep(config.SHUTDOWN_DELAY_MS);

  const server = app.getHttpServer() as Server;
  const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();

  let socketsHandedOver = 0;
  try {
    socketsHandedOver = app.get(NotificationGateway, { strict: false }).handOverSockets();
  } catch {
    // no gateway in this application
  }

  const answered = await lifecycle.waitForIdle(config.SHUTDOWN_TIMEOUT_MS);
  const requestsCut = answered ? 0 : lifecycle.inFlight;
  if (!answered) {
    log(
      `SHUTDOWN_TIMEOUT_MS (${config.SHUTDOWN_TIMEOUT_MS} ms) reached: cutting ${requestsCut} request(s)`,
    );
    server.closeAllConnections();
  }
  // every connection is closed by now or within the bound (WebSocket ones were closed above)
  const connectionsClosed = await Promise.race([
    listenerClosed.then(() => true),
    sleep(config.SHUTDOWN_TIMEOUT_MS).then(() => false),
  ]);
  if (!connectionsClosed) server.closeAllConnections();

  const closed = await Promise.race([
    app.close().then(
      () => true,
      (error: Error) => (log(`close failed: ${error.message}`), false),
    ),
    sleep(config.SHUTDOWN_TIMEOUT_MS).then(() => false),
  ]);
  const report = {
    socketsHandedOver,
    requestsCut,
    clean: answered && connectionsClosed && closed,
    ms: Date.now() - started,
  };
  log(
    `drained in ${report.ms} ms: ${socketsHandedOver} socket(s) handed over, ${requestsCut} request(s) cut${report.clean ? '' : ' (not clean)'}`,
  );
  return report;
}
