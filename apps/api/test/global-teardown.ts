import { rmSync } from 'node:fs';
import { dropDatabase } from '../src/database/database-server';
import { readCluster, removeClusterFile } from './test-database';

/** Drops the template database, stops the embedded cluster and removes its directory. */
export default async function globalTeardown(): Promise<void> {
  const cluster = readCluster();
  await dropDatabase(cluster.adminUrl, cluster.templateDatabase).catch(() => undefined);
  await globalThis.__CONCERTO_EMBEDDED__?.stop();
  if (cluster.dataDir) rmSync(cluster.dataDir, { recursive: true, force: true });
  removeClusterFile();
}
