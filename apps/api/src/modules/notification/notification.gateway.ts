import {
  ClientToServerEvents,
  LiveNotification,
  Rooms,
  ServerToClientEvents,
  WATCHABLE_ROOM,
} from '@concerto/domain';
import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { parse as parseCookies } from 'cookie';
import type { Server, Socket } from 'socket.io';
import type { ConcertoRequest, Viewer } from '../../common/access/request-context';
import { instruments } from '../../common/metrics/instruments';
import { TokenBucket } from '../../common/rate-limit/token-bucket';
import { ViewerResolver } from '../../common/access/viewer-resolver';
import { NotificationService } from './notification.service';

/** Room of the sockets opened with one sign-in session. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

type ConcertoSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { viewer: Viewer | null }
>;

/**
 * Bounds of one socket: `watch`/`unwatch` messages (a burst of 60 — a page of proposals watches
 * each one — then 20 a second), `catchUp` requests (each reads the database: a burst of 10, then
 * one a second), and rooms watched at once. Over a bound the ack says TOO_MANY_REQUESTS.
 */
export const SOCKET_LIMITS = {
  roomMessages: { burst: 60, perSecond: 20 },
  catchUps: { burst: 10, perSecond: 1 },
  watchedRooms: 500,
};

/**
 * The one Socket.IO gateway, at `/socket.io`. The handshake is authenticated with the same
 * session as GraphQL (`auth.token` = the bearer token, or the `concerto_session` cookie); a
 * signed-in socket joins its `user:<id>` room, and any socket may `watch` public resource
 * rooms (`proposal:<id>`, `motion:<id>`, `component:<id>`, …). `catchUp` returns the
 * notifications created after the last one the client saw, once each. Each socket's messages
 * are bounded ({@link SOCKET_LIMITS}).
 * With `REDIS_URL`, the Redis adapter (see `RedisIoAdapter`) carries emits to sockets held by
 * other API processes.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, cors: false })
export class NotificationGateway implements OnGatewayConnection {
  private readonly logger = new Logger('NotificationGateway');
  @WebSocketServer() server!: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly sessions: ViewerResolver,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * Wires the client's messages at once (a message sent right after `connect` must not be
   * lost), then authenticates the handshake; each handler waits for that authentication.
   */
  async handleConnection(socket: ConcertoSocket): Promise<void> {
    const token =
      typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
    const cookieHeader = socket.handshake.headers.cookie;
    const request = {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cookies: cookieHeader ? parseCookies(cookieHeader) : {},
    } as unknown as ConcertoRequest;
    const ready = this.sessions
      .viewerFromRequest(request)
      .catch(() => null)
      .then(async (viewer) => {
        socket.data.viewer = viewer;
        if (viewer) await socket.join([Rooms.user(viewer.user.id), sessionRoom(viewer.sessionId)]);
        return viewer;
      });

    const roomMessages = new TokenBucket(
      SOCKET_LIMITS.roomMessages.burst,
      SOCKET_LIMITS.roomMessages.perSecond,
    );
    const catchUps = new TokenBucket(
      SOCKET_LIMITS.catchUps.burst,
      SOCKET_LIMITS.catchUps.perSecond,
    );
    const watched = new Set<string>(); // resource rooms this socket watches
    socket.on('watch', async (room, ack) => {
      if (!roomMessages.take()) {
        instruments.rateLimitRefusals.inc({ channel: 'socket' });
        return ack?.({ ok: false, error: 'TOO_MANY_REQUESTS' });
      }
      await ready;
      if (typeof room !== 'string' || !WATCHABLE_ROOM.test(room))
        return ack?.({ ok: false, error: 'BAD_USER_INPUT' });
      if (!watched.has(room) && watched.size >= SOCKET_LIMITS.watchedRooms)
        return ack?.({ ok: false, error: 'LIMIT_REACHED' });
      watched.add(room);
      await socket.join(room);
      ack?.({ ok: true });
    });
    socket.on('unwatch', async (room, ack) => {
      if (!roomMessages.take()) return ack?.({ ok: false });
      await ready;
      if (typeof room === 'string' && WATCHABLE_ROOM.test(room)) {
        watched.delete(room);
        await socket.leave(room);
      }
      ack?.({ ok: true });
    });
    socket.on('catchUp', async (after, ack) => {
      if (!catchUps.take()) {
        instruments.rateLimitRefusals.inc({ channel: 'socket' });
        return ack?.({ error: 'TOO_MANY_REQUESTS' });
      }
      const viewer = await ready;
      if (!viewer) return ack?.({ error: 'UNAUTHENTICATED' });
      try {
        ack?.({
          notifications: await this.notifications.since(
            viewer.user.id,
            typeof after === 'string' ? after : null,
          ),
        });
      } catch (error) {
        this.logger.warn(`catchUp failed: ${(error as Error).message}`);
        ack?.({ error: 'BAD_USER_INPUT' });
      }
    });
    await ready;
  }

  /**
   * Graceful shutdown: closes the transport of every socket held by this process without a
   * Socket.IO "disconnect" packet, so clients treat it as a lost connection and reconnect at
   * once — through the proxy, to another process — then `catchUp` from the inbox.
   * @returns how many sockets were handed over
   */
  handOverSockets(): number {
    const sockets = [...(this.server?.sockets?.sockets?.values() ?? [])];
    for (const socket of sockets) socket.conn.close();
    return sockets.length;
  }

  /** Sockets connected to this process (for the metrics). */
  connectedSockets(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }

  /** Disconnects every socket opened with a session (after sign-out), on every process. */
  disconnectSession(sessionId: string): void {
    this.server?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  /** Pushes a stored notification to its recipient's sockets (on every process with the Redis adapter). */
  pushNotification(userId: string, notification: LiveNotification): void {
    this.server?.to(Rooms.user(userId)).emit('notification', notification);
  }

  /** Broadcasts a live event to a resource room. */
  broadcast<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    (this.server?.to(room).emit as (e: string, ...args: unknown[]) => boolean)?.(event, ...payload);
  }
}
