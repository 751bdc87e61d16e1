import type { Writable } from 'node:stream';

/** Text written to an HTTP response (or any writable) at the pace the client reads it. */
export interface ResponseWriter {
  /**
   * Writes `text`; resolves at once while the response's buffer has room, else when it has
   * drained (or the client has gone). Writing after the client has gone does nothing.
   */
  write(text: string): Promise<void>;
  /** True once the client has gone (connection closed or response destroyed): stop producing. */
  readonly gone: boolean;
}

/**
 * A writer for a streamed export (CSV, JSON): memory stays flat however large the export, since
 * the next batch is read from the database only once the client has taken the previous one, and a
 * client that disconnects releases the export (its pending write resolves; `gone` turns true).
 * @param res the response, headers already set
 */
export function responseWriter(res: Writable): ResponseWriter {
  let gone = res.destroyed;
  let waiting: Array<() => void> = [];
  const wake = () => {
    const resolved = waiting;
    waiting = [];
    resolved.forEach((resolve) => resolve());
  };
  // one 'drain' listener for the whole response, not one per wait: the `compression` middleware
  // hands 'drain' listeners to its zlib stream and cannot remove them again (they piled up, 11+
  // on a 250,000-row export)
  res.on('drain', wake);
  res.once('close', () => {
    gone = true;
    wake();
  });
  return {
    get gone() {
      return gone || res.destroyed;
    },
    write(text: string) {
      if (gone || res.destroyed) return Promise.resolve();
      if (res.write(text)) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}
