import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { createServer, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { instruments, operationLabel, routeOf } from '../../common/metrics/instruments';
import { AppConfig } from '../../config/app-config';
import { DataExportService } from '../account/data-export.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { NotificationGateway } from '../notification/notification.gateway';

/** What the pg pool under TypeORM exposes (node-postgres `Pool`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The Prometheus metrics of one API process (`prom-client`), served in the text format:
 * - on its own listener, METRICS_HOST:METRICS_PORT `GET /metrics`, never behind the public proxy;
 * - or, without METRICS_PORT, on the public port at `GET /metrics` for callers sending
 *   `Authorization: Bearer <METRICS_TOKEN>` (404 when neither is configured).
 * METRICS_TOKEN, when set, is required on either. Metric names and meanings: README, "Metrics".
 * Gauges that need the database (outbox lag, queue depths) are read at scrape time, each
 * through the module owning the table.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private server: Server | null = null;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: DomainEventOutbox,
    private readonly exports: DataExportService,
    private readonly gateway: NotificationGateway,
  ) {
    this.registry.registerMetric(instruments.httpDuration);
    this.registry.registerMetric(instruments.graphqlDuration);
    this.registry.registerMetric(instruments.rateLimitRefusals);
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'concerto_db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total open, idle, clients waiting for one, and the maximum',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
        this.set({ state: 'max' }, p.options?.max ?? 0);
      },
    });
    const read = async <T>(what: string, work: () => Promise<T>): Promise<T | null> =>
      work().catch((error: Error) => (this.logger.warn(`${what}: ${error.message}`), null));
    new Gauge({
      name: 'concerto_outbox_oldest_pending_seconds',
      help: 'Age in seconds of the oldest domain event not yet dispatched (0 when none): notification lag',
      registers: [this.registry],
      collect: async function (this: Gauge) {
        const backlog = await read('outbox', () => outbox.backlog(dataSource.manager));
        if (backlog) this.set(backlog.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'concerto_worker_queue_depth',
      help: 'Rows waiting for a background worker, by queue (domain_events: notification dispatcher; data_exports: export builder)',
      labelNames: ['queue'],
      registers: [this.registry],
      collect: async function (this: Gauge) {
        const [backlog, pendingExports] = await Promise.all([
          read('outbox', () => outbox.backlog(dataSource.manager)),
          read('exports', () => exports.pendingCount()),
        ]);
        if (backlog) this.set({ queue: 'domain_events' }, backlog.pending);
        if (pendingExports !== null) this.set({ queue: 'data_exports' }, pendingExports);
      },
    });
    new Gauge({
      name: 'concerto_socketio_connected_sockets',
      help: 'Socket.IO connections held by this process',
      registers: [this.registry],
      collect() {
        this.set(gateway.connectedSockets());
      },
    });
  }

  /** True when metrics are served somewhere (METRICS_PORT or METRICS_TOKEN). */
  get enabled(): boolean {
    return Boolean(this.config.METRICS_PORT || this.config.METRICS_TOKEN);
  }

  /** True when `/metrics` is served on the public port (no METRICS_PORT, a METRICS_TOKEN). */
  get onPublicPort(): boolean {
    return !this.config.METRICS_PORT && Boolean(this.config.METRICS_TOKEN);
  }

  /** Starts the process defaults (CPU, memory, event loop lag, GC, handles) and the metrics listener when configured. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    collectDefaultMetrics({ register: this.registry, prefix: 'concerto_' });
    if (!this.config.METRICS_PORT) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      if (!this.authorized(req.headers.authorization)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
        return;
      }
      void this.render().then(
        (body) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.METRICS_PORT, this.config.METRICS_HOST, () => resolve());
    });
    this.logger.log(
      `Prometheus metrics at http://${this.config.METRICS_HOST}:${this.config.METRICS_PORT}/metrics`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The metrics in Prometheus' text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The caller may read metrics: no token configured, or `Bearer <METRICS_TOKEN>` (compared in constant time). */
  authorized(header: string | undefined): boolean {
    const token = this.config.METRICS_TOKEN;
    if (!token) return true;
    const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Express middleware, installed early: times every HTTP request by method, route and status. */
  readonly httpTiming = (req: Request, res: Response, next: NextFunction): void => {
    const end = instruments.httpDuration.startTimer();
    res.once('finish', () =>
      end({
        method: req.method,
        route: routeOf(req.originalUrl ?? req.url),
        status_code: String(res.statusCode),
      }),
    );
    next();
  };
}

/**
 * Apollo plugin: times each GraphQL operation by name, type and outcome (`OK`, or the first
 * error's `extensions.code`), and counts rate-limit refusals.
 */
export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = instruments.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const bodyErrors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = (bodyErrors ?? errors ?? []).map((e) =>
            String(
              (e.extensions as { code?: unknown } | undefined)?.code ?? 'INTERNAL_SERVER_ERROR',
            ),
          );
          if (codes.includes('TOO_MANY_REQUESTS'))
            instruments.rateLimitRefusals.inc({ channel: 'graphql' });
          end({
            operation: operationLabel(operationName),
            type: operation?.operation ?? 'unknown',
            outcome: codes[0] ?? 'OK',
          });
        },
      };
    },
  };
}
