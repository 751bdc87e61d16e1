import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/app-config';
import { dataSourceOptions, runMigrations } from '../src/database/data-source';
import { createDatabaseIfMissing } from '../src/database/database-server';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { ActionLogService } from '../src/modules/action-log/action-log.service';
import { DemoContentService } from '../src/modules/demo/demo-content.service';
import { TermsService } from '../src/modules/terms/terms.service';
import { FirstAdminService } from '../src/modules/user/first-admin.service';
import {
  startTestServer,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
  writeCluster,
} from './test-database';

declare global {
  var __CONCERTO_EMBEDDED__: EmbeddedPostgres | null;
}

/**
 * Once per `jest` run: starts the test PostgreSQL, builds a template database (migrations,
 * first admin, demo content) that each test file copies into a fresh database of its own.
 */
export default async function globalSetup(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const server = await startTestServer();
  globalThis.__CONCERTO_EMBEDDED__ = server.embedded;
  const templateDatabase = `concerto_tpl_${process.pid}`;
  await createDatabaseIfMissing(server.adminUrl, templateDatabase);
  const url = server.urlTemplate.replace('{db}', templateDatabase);
  await runMigrations(url);
  const config = loadAppConfig({
    NODE_ENV: 'test',
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    WEB_DIST_DIR: '',
  });
  // Plain instances, no Nest application: when Jest runs a single file in band, this module
  // registry is shared with the tests', and booting Nest here would register GraphQL types twice.
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await new FirstAdminService(
      dataSource,
      config,
      new TermsService(dataSource, new ActionLogService()),
    ).ensure(() => undefined);
    await new DemoContentService(dataSource, new ActionLogService()).loadOnce();
  } finally {
    await dataSource.destroy();
  }
  writeCluster({
    adminUrl: server.adminUrl,
    urlTemplate: server.urlTemplate,
    templateDatabase,
    dataDir: server.dataDir,
  });
}
