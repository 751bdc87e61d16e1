import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AddressInfo } from 'node:net';
import { createServer, type Server as HttpServer } from 'node:http';
import { useState } from 'react';
import { Server } from 'socket.io';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { LiveConnectionProvider } from '../../notifications/live/LiveConnection';
import { useLiveBallotTurnout } from './useLiveBallotTurnout';

const BALLOT = '0b8f6f4e-6a1e-4c55-9d59-1f7a3c2b9e01';
const COMPONENT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

/** Counts the live turnout changes it hears, like the ballot page and the list refetch on each. */
function Probe({ target }: { target: { ballotId: string } | { componentId: string } | null }) {
  const [heard, setHeard] = useState<string[]>([]);
  useLiveBallotTurnout(target, (ballotId) => setHeard((h) => [...h, ballotId]));
  return <p data-testid="heard">{heard.join(',') || 'rien'}</p>;
}

/** The list: it watches the component's room only once one of its ballots is open. */
function ListProbe() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Une votation ouvre
      </button>
      <Probe target={open ? { componentId: COMPONENT } : null} />
    </>
  );
}

describe('useLiveBallotTurnout', () => {
  // a real Socket.IO server (the API's rooms and `watch` protocol, reduced to what the hook uses)
  let http: HttpServer;
  let io: Server;
  let url: string;
  const watched: string[] = [];
  beforeAll(async () => {
    http = createServer();
    io = new Server(http, { cors: { origin: true, credentials: true } });
    io.on('connection', (socket) => {
      socket.on('watch', (room: string, ack: (r: { ok: boolean }) => void) => {
        watched.push(room);
        void socket.join(room);
        ack({ ok: true });
      });
      socket.on('unwatch', (room: string, ack: (r: { ok: boolean }) => void) => {
        void socket.leave(room);
        ack({ ok: true });
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await io.close();
  });
  beforeEach(() => void watched.splice(0));

  const push = (room: string, ballotId: string) =>
    io
      .to(room)
      .emit('ballot.turnoutChanged', { ballotId, voters: 3, votersWeight: 3, percent: 30 });

  it('on an open ballot’s page, hears every vote cast in that ballot’s room', async () => {
    renderWithProviders(
      <LiveConnectionProvider url={url}>
        <Probe target={{ ballotId: BALLOT }} />
      </LiveConnectionProvider>,
    );
    await waitFor(() => expect(watched).toEqual([`ballot:${BALLOT}`]));
    act(() => void push(`ballot:${BALLOT}`, BALLOT));
    await waitFor(() => expect(screen.getByTestId('heard')).toHaveTextContent(BALLOT));
    act(() => void push(`ballot:${BALLOT}`, BALLOT));
    await waitFor(() =>
      expect(screen.getByTestId('heard')).toHaveTextContent(`${BALLOT},${BALLOT}`),
    );
  });

  it('on the list, hears the votes of every ballot of the component, and watches nothing when no ballot is open', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <LiveConnectionProvider url={url}>
        <ListProbe />
      </LiveConnectionProvider>,
    );
    // no open ballot: the room is not watched, so a vote pushed there is not heard
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watched).toEqual([]);
    act(() => void push(`component:${COMPONENT}`, BALLOT));
    await user.click(screen.getByRole('button', { name: 'Une votation ouvre' }));
    await waitFor(() => expect(watched).toEqual([`component:${COMPONENT}`]));
    expect(screen.getByTestId('heard')).toHaveTextContent('rien');
    act(() => void push(`component:${COMPONENT}`, BALLOT));
    await waitFor(() => expect(screen.getByTestId('heard')).toHaveTextContent(BALLOT));
  });
});
