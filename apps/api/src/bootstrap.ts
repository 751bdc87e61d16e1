import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { errorLanguage, rememberErrorLanguage } from './common/errors/error-language';
import { createRootLogger } from './common/logging/log-options';
import { assignRequestId } from './common/logging/request-id';
import { collectContentRemoved } from './common/rich-text/content-removed';
import { serveWebApp } from './common/static-assets/web-app-serving';
import { ParticipatorySpaceService } from './modules/participatory-space/participatory-space.service';
import { spacePageHeading } from './modules/participatory-space/space-page-heading';
import { AppConfig } from './config/app-config';
import { DemoContentService } from './modules/demo/demo-content.service';
import { ProcessLifecycle } from './modules/health/process-lifecycle';
import { MetricsService } from './modules/metrics/metrics.service';
import { RedisIoAdapter } from './modules/notification/redis-io.adapter';
import { FirstAdminService } from './modules/user/first-admin.service';

/**
 * Builds the Nest application (not yet listening) on a migrated database.
 * @param config validated configuration
 * @param databaseUrl database URL
 * @param logger false to silence every log line (tests); otherwise Nest logs through pino
 *        (JSON in production, see LOG_FORMAT) with a request id per request
 */
export async function createConcertoApp(
  config: AppConfig,
  databaseUrl: string,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const silent = logger === false;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, createRootLogger(config, silent)),
    {
      logger: silent ? false : (logger ?? new Logger()),
      bufferLogs: !silent && !logger,
      bodyParser: true,
      abortOnError: false,
    },
  );
  if (!silent && !logger) app.useLogger(app.get(NestPinoLogger));
  app.set('trust proxy', config.trustProxy);
  // first: a request id for the logs and the events it records; in-flight count for the graceful shutdown
  app.use(assignRequestId);
  // the language every error of this request is worded in (Accept-Language: French unless English is preferred)
  app.use(rememberErrorLanguage);
  // what a GraphQL request's sanitisers remove from submitted texts, for the mutation's response
  // to say (only GraphQL reports it: static files and other routes skip the scope)
  app.use('/graphql', collectContentRemoved);
  app.use(app.get(ProcessLifecycle).track);
  app.use(app.get(MetricsService).httpTiming);
  // security headers; the CSP allows only this origin (scripts, styles' attributes for charts, the WebSocket)
  const documentHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // the web build's hashed files (scripts, styles, fonts) are never documents: the document-only
  // headers (CSP, framing, opener, referrer…) do nothing there and cost ~0.7 KB on each of the
  // 20-odd files of a first visit over HTTP/1.1; they keep nosniff and the same-origin resource policy
  const assetHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/assets/') ? assetHeaders : documentHeaders)(req, res, next),
  );
  // compression, the web build (pre-compressed, immutable hashed assets) and client routing
  // a space's or component's page gets its title in the HTML (painted before any script runs)
  serveWebApp(app, config.WEB_DIST_DIR, (path) =>
    spacePageHeading(app.get(ParticipatorySpaceService), path),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  // a body too large or not JSON gets a GraphQL-shaped error with a stable code, not Express's 404
  app.use(
    (
      error: { type?: string; status?: number } | undefined,
      _req: unknown,
      res: import('express').Response,
      next: (e?: unknown) => void,
    ) => {
      if (!error?.type) return next(error);
      const tooLarge = error.type === 'entity.too.large';
      const english = errorLanguage() === 'en';
      const message = tooLarge
        ? english
          ? 'Request too large (1 MB at most).'
          : 'Requête trop volumineuse (1 Mo au plus).'
        : english
          ? 'Invalid request body (JSON expected).'
          : 'Corps de requête invalide (JSON attendu).';
      res.status(tooLarge ? 413 : 400).json({
        errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }],
      });
    },
  );
  if (config.REDIS_URL) {
    const adapter = new RedisIoAdapter(app);
    await adapter.connect(config.REDIS_URL);
    app.useWebSocketAdapter(adapter);
  }
  return app;
}

/**
 * First-start setup: the first administrator, then the demo content when enabled.
 * Both are idempotent, so running this at every start changes nothing the second time.
 */
export async function runFirstStartSetup(
  app: INestApplication,
  config: AppConfig,
  print?: (text: string) => void,
): Promise<void> {
  await app.get(FirstAdminService).ensure(print);
  if (config.DEMO_CONTENT) await app.get(DemoContentService).loadOnce();
}
