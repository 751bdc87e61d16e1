import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO adapter backed by Redis pub/sub (`@socket.io/redis-adapter`), so an emit on one
 * API process reaches sockets connected to another. Used when `REDIS_URL` is set.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger('RedisIoAdapter');
  private clients: { quit(): Promise<unknown> }[] = [];
  private adapter?: ReturnType<typeof createAdapter>;

  constructor(app: INestApplicationContext) {
    super(app);
  }

  /**
   * Connects the publisher and subscriber clients.
   * @param url `redis://host:port`
   * @throws when Redis cannot be reached
   */
  async connect(url: string): Promise<void> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    for (const client of [pub, sub])
      client.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapter = createAdapter(pub, sub);
    this.logger.log(
      `Socket.IO events shared through Redis at ${url.replace(/\/\/[^@]*@/, '//***@')}`,
    );
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, options);
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  override async close(server: unknown): Promise<void> {
    await super.close(server as never);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
    this.clients = [];
  }
}
