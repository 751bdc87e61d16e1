import type { ClientToServerEvents, ServerToClientEvents } from '@concerto/domain';
import { io, Socket } from 'socket.io-client';
import { startTestApp, TestApp } from '../../../test/test-app';
import { SOCKET_LIMITS } from '../../modules/notification/notification.gateway';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refills at its rate, never above capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 499; // 0.998 token
    expect(bucket.take()).toBe(false);
    now += 2; // 1.002 tokens
    expect(bucket.take()).toBe(true);
    now += 60_000; // a long pause fills it up to 3, not 120
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('Socket.IO messages are bounded per socket', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  const connect = async (token?: string): Promise<ClientSocket> => {
    const socket: ClientSocket = io(t.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const room = (n: number) => `proposal:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  // The bursts below are answered one by one by the server; on a loaded machine that can take
  // longer than a refill interval (50 ms at 20/s), and a refilled token would let one more
  // message through. Refilling is the unit test's business (fake clock, above): here the rates
  // are made negligible so that only the burst size decides.
  const savedRates = {
    roomMessages: SOCKET_LIMITS.roomMessages.perSecond,
    catchUps: SOCKET_LIMITS.catchUps.perSecond,
  };
  beforeAll(async () => {
    SOCKET_LIMITS.roomMessages.perSecond = 1e-6;
    SOCKET_LIMITS.catchUps.perSecond = 1e-6;
    t = await startTestApp();
  });
  afterAll(async () => {
    SOCKET_LIMITS.roomMessages.perSecond = savedRates.roomMessages;
    SOCKET_LIMITS.catchUps.perSecond = savedRates.catchUps;
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it(`a burst of ${SOCKET_LIMITS.roomMessages.burst + 10} watch messages: the last 10 get TOO_MANY_REQUESTS; another socket is not affected`, async () => {
    const greedy = await connect();
    const burst = SOCKET_LIMITS.roomMessages.burst;
    const results = await Promise.all(
      Array.from({ length: burst + 10 }, (_, i) => greedy.emitWithAck('watch', room(i))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(burst);
    expect(results.filter((r) => r.error === 'TOO_MANY_REQUESTS')).toHaveLength(10);
    const other = await connect();
    expect(await other.emitWithAck('watch', room(1))).toEqual({ ok: true });
  });

  it(`catchUp: a burst of ${SOCKET_LIMITS.catchUps.burst}, then TOO_MANY_REQUESTS`, async () => {
    const { token } = await t.register('Rattrapage');
    const socket = await connect(token);
    const results = await Promise.all(
      Array.from({ length: SOCKET_LIMITS.catchUps.burst + 2 }, () =>
        socket.emitWithAck('catchUp', null),
      ),
    );
    expect(results.filter((r) => 'notifications' in r)).toHaveLength(SOCKET_LIMITS.catchUps.burst);
    expect(results.filter((r) => 'error' in r && r.error === 'TOO_MANY_REQUESTS')).toHaveLength(2);
  });

  it('a socket watches a bounded number of rooms at once (LIMIT_REACHED beyond; watching one again is fine)', async () => {
    const saved = SOCKET_LIMITS.watchedRooms;
    SOCKET_LIMITS.watchedRooms = 5;
    try {
      const socket = await connect();
      for (let i = 0; i < 5; i++)
        expect(await socket.emitWithAck('watch', room(i))).toEqual({ ok: true });
      expect(await socket.emitWithAck('watch', room(5))).toEqual({
        ok: false,
        error: 'LIMIT_REACHED',
      });
      expect(await socket.emitWithAck('watch', room(4))).toEqual({ ok: true });
      expect(await socket.emitWithAck('unwatch', room(4))).toEqual({ ok: true });
      expect(await socket.emitWithAck('watch', room(5))).toEqual({ ok: true });
    } finally {
      SOCKET_LIMITS.watchedRooms = saved;
    }
  });
});
