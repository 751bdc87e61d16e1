import type {
  ClientToServerEvents,
  LiveNotification,
  ServerToClientEvents,
} from '@concerto/domain';
import { useApolloClient } from '@apollo/client/react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Socket } from 'socket.io-client';
import { ME_QUERY } from '../../auth/graphql/auth';
import { useMe } from '../../auth/hooks/useMe';
import { UNREAD_COUNT_QUERY } from '../graphql/notifications';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

interface LiveContextValue {
  status: LiveStatus;
  socket: LiveSocket | null;
  /** Notifications received live (or caught up) since the page loaded, newest first, without duplicates. */
  received: LiveNotification[];
  dismiss(id: string): void;
  /** Asks for the connection (a component watches a room); a signed-in member is always connected. */
  need(): void;
}

const LiveContext = createContext<LiveContextValue>({
  status: 'connecting',
  socket: null,
  received: [],
  dismiss: () => undefined,
  need: () => undefined,
});

/** localStorage key of the last notification this browser saw, per user (for catch-up after a reload). */
const lastSeenKey = (userId: string) => `concerto.lastNotification.${userId}`;

/**
 * One Socket.IO connection for the app (websocket transport; the session cookie authenticates
 * it), recreated when the signed-in user changes. Notifications pushed live are kept (newest
 * first, de-duplicated by id) and bump the unread count; after a reconnection the client asks
 * for everything created after the last notification it saw (`catchUp`), so nothing is lost
 * or shown twice. `status` drives the "reconnecting" banner.
 *
 * An anonymous visitor has no notifications: the connection (and the Socket.IO client library,
 * 12 KB compressed) is loaded only once a component watches a room ({@link useLiveEvent}), so a
 * page without live content (the home page) does not pay for it. Once opened it stays open.
 */
export function LiveConnectionProvider({ children, url }: { children: ReactNode; url?: string }) {
  const { me } = useMe();
  const client = useApolloClient();
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [received, setReceived] = useState<LiveNotification[]>([]);
  const seen = useRef(new Set<string>());
  const userId = me?.id ?? null;
  const [needed, setNeeded] = useState(false);
  const need = useCallback(() => setNeeded(true), []);
  const active = userId !== null || needed;

  const accept = useCallback(
    (items: LiveNotification[]) => {
      const fresh = items.filter((n) => !seen.current.has(n.id));
      if (!fresh.length) return;
      fresh.forEach((n) => seen.current.add(n.id));
      setReceived((current) => [...[...fresh].reverse(), ...current].slice(0, 50));
      if (userId) {
        const last = fresh.reduce((a, b) => (b.sequence > a.sequence ? b : a));
        try {
          globalThis.localStorage?.setItem(lastSeenKey(userId), last.id);
        } catch {
          // storage unavailable: catch-up then covers unread notifications
        }
      }
      void client.refetchQueries({ include: [UNREAD_COUNT_QUERY] });
    },
    [client, userId],
  );

  useEffect(() => {
    if (!active) return;
    // the client library loads after the page has rendered (it is not needed to show anything)
    let live: LiveSocket | null = null;
    let cancelled = false;
    void import('socket.io-client').then(({ io }) => {
      if (cancelled) return;
      live = io(url ?? '/', {
        path: '/socket.io',
        transports: ['websocket'],
        withCredentials: true,
      });
      connect(live);
    });
    return () => {
      cancelled = true;
      if (!live) return;
      live.removeAllListeners();
      live.disconnect();
      setSocket(null);
    };

    function connect(live: LiveSocket) {
      setSocket(live);
      setStatus('connecting');
      let everConnected = false;
      live.on('connect', () => {
        setStatus('connected');
        if (userId) {
          let after: string | null = null;
          try {
            after = globalThis.localStorage?.getItem(lastSeenKey(userId)) ?? null;
          } catch {
            after = null;
          }
          if (everConnected || after) {
            live.emit('catchUp', after, (result) => {
              if ('notifications' in result) accept(result.notifications);
              else if (after)
                live.emit('catchUp', null, (r) => 'notifications' in r && accept(r.notifications));
            });
          }
        }
        everConnected = true;
      });
      live.on('disconnect', (reason) => {
        setStatus('reconnecting');
        // The server closes the socket of a session it revoked (signed out elsewhere, password
        // changed, account blocked or deleted): ask who is signed in now, so the page stops
        // showing a session that no longer exists.
        if (reason === 'io server disconnect' && userId)
          void client.refetchQueries({ include: [ME_QUERY] });
      });
      live.io.on('reconnect_attempt', () => setStatus('reconnecting'));
      live.on('notification', (notification) => accept([notification]));
    }
  }, [url, userId, accept, active, client]);

  const dismiss = useCallback(
    (id: string) => setReceived((current) => current.filter((n) => n.id !== id)),
    [],
  );
  const value = useMemo(
    () => ({ status, socket, received, dismiss, need }),
    [status, socket, received, dismiss, need],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** The live connection's state. */
export function useLiveConnection(): LiveContextValue {
  return useContext(LiveContext);
}

/**
 * Watches a public resource room while the component is mounted (and again after a
 * reconnection) and calls `handler` for `event` messages.
 * @param room e.g. `proposal:<id>` (null: nothing to watch)
 */
export function useLiveEvent<E extends keyof ServerToClientEvents>(
  room: string | null,
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const { socket, need } = useLiveConnection();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (room) need();
  }, [room, need]);
  useEffect(() => {
    if (!socket || !room) return;
    const watch = () => socket.emit('watch', room, () => undefined);
    const listener = ((...args: unknown[]) =>
      (latest.current as (...a: unknown[]) => void)(...args)) as never;
    if (socket.connected) watch();
    socket.on('connect', watch);
    socket.on(event, listener);
    return () => {
      socket.off('connect', watch);
      socket.off(event, listener);
      if (socket.connected) socket.emit('unwatch', room, () => undefined);
    };
  }, [socket, room, event]);
}
