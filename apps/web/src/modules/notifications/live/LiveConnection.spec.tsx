import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useState } from 'react';
import { Server } from 'socket.io';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { useMe } from '../../auth/hooks/useMe';
import { LiveConnectionProvider, useLiveConnection, useLiveEvent } from './LiveConnection';

/** A component that watches a proposal's room once shown. */
function Watcher() {
  useLiveEvent('proposal:p1', 'proposal.supportsChanged', () => undefined);
  return <p>Liste en direct</p>;
}

function Page() {
  const [live, setLive] = useState(false);
  const { status } = useLiveConnection();
  return (
    <>
      <p data-testid="status">{status}</p>
      <button type="button" onClick={() => setLive(true)}>
        Ouvrir la liste
      </button>
      {live ? <Watcher /> : null}
    </>
  );
}

/** Who the page believes is signed in. */
function Viewer() {
  const { me, loading } = useMe();
  return <p data-testid="viewer">{loading ? '…' : (me?.name ?? 'personne')}</p>;
}

const signedIn = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin: false },
    },
  },
};
const anonymous = { request: { query: ME_QUERY }, result: { data: { me: null } } };

describe('LiveConnectionProvider', () => {
  // a real Socket.IO server counting the connections it receives
  let http: HttpServer;
  let io: Server;
  let url: string;
  let connections = 0;
  beforeAll(async () => {
    http = createServer();
    io = new Server(http, { cors: { origin: true, credentials: true } });
    io.on('connection', (socket) => {
      connections += 1;
      socket.on('watch', (_room: string, ack: (r: { ok: boolean }) => void) => ack({ ok: true }));
      socket.on('unwatch', (_room: string, ack: (r: { ok: boolean }) => void) => ack({ ok: true }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await io.close();
  });
  beforeEach(() => {
    connections = 0;
  });

  it('connects an anonymous visitor only once a component watches a room (a page without live content loads no Socket.IO)', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <LiveConnectionProvider url={url}>
        <Page />
      </LiveConnectionProvider>,
      { mocks: [anonymous] },
    );
    // the viewer is known (anonymous) and nothing watches: no connection is opened
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(0);
    expect(screen.getByTestId('status')).toHaveTextContent('connecting');
    await user.click(screen.getByRole('button', { name: 'Ouvrir la liste' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));
    expect(connections).toBe(1);
  });

  it('connects a signed-in member at once, for their notifications', async () => {
    renderWithProviders(
      <LiveConnectionProvider url={url}>
        <Page />
      </LiveConnectionProvider>,
      { mocks: [signedIn] },
    );
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));
    expect(connections).toBe(1);
  });

  it('asks again who is signed in when the server closes the socket (its session was revoked: blocked account, password changed elsewhere)', async () => {
    renderWithProviders(
      <LiveConnectionProvider url={url}>
        <Page />
        <Viewer />
      </LiveConnectionProvider>,
      { mocks: [signedIn, anonymous] },
    );
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));
    expect(screen.getByTestId('viewer')).toHaveTextContent('Alice');
    io.disconnectSockets(true);
    await waitFor(() => expect(screen.getByTestId('viewer')).toHaveTextContent('personne'));
  });
});
