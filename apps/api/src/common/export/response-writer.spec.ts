import { Writable } from 'node:stream';
import { responseWriter } from './response-writer';

/** A writable that takes a chunk only when the test says so (a client reading slowly). */
function slowClient() {
  const received: string[] = [];
  const pending: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk, _encoding, callback) {
      received.push(String(chunk));
      pending.push(callback);
    },
  });
  return { stream, received, readOne: () => pending.shift()?.() };
}

describe('responseWriter', () => {
  it('waits for the client to drain before the next write resolves', async () => {
    const client = slowClient();
    const out = responseWriter(client.stream);
    let resolved = false;
    const writing = out.write('0123456789').then(() => (resolved = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    client.readOne();
    await writing;
    expect(client.received).toEqual(['0123456789']);
    expect(out.gone).toBe(false);
  });

  it('releases a pending write when the client goes, then writes nothing more', async () => {
    const client = slowClient();
    const out = responseWriter(client.stream);
    const writing = out.write('0123456789');
    client.stream.destroy();
    await writing;
    expect(out.gone).toBe(true);
    await out.write('after');
    expect(client.received).toEqual(['0123456789']);
  });

  it('keeps one drain listener behind the compression middleware, which forwards them to its zlib stream', async () => {
    const client = slowClient();
    // as `compression` does: 'drain' listeners go to the compressor, removeListener stays on res
    const on = client.stream.on.bind(client.stream);
    const compressor = new Writable({ write: (_c, _e, cb) => cb() });
    client.stream.on = ((type: string, listener: (...a: unknown[]) => void) =>
      type === 'drain' ? compressor.on(type, listener) : on(type, listener)) as never;
    const out = responseWriter(client.stream);
    for (let i = 0; i < 20; i++) {
      const writing = out.write('0123456789');
      await new Promise((resolve) => setImmediate(resolve));
      client.readOne();
      compressor.emit('drain');
      await writing;
    }
    expect(client.received).toHaveLength(20);
    expect(compressor.listenerCount('drain')).toBe(1);
  });
});
