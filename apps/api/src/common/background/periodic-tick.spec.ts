import { Logger } from '@nestjs/common';
import { PeriodicTick } from './periodic-tick';

/** A tick that stays pending until the test releases it. */
function gatedTick() {
  const calls: Array<() => void> = [];
  const tick = () => new Promise<void>((resolve) => calls.push(resolve));
  return { calls, tick };
}

describe('PeriodicTick', () => {
  const logger = new Logger('PeriodicTickSpec');

  it('ticks at start, never overlaps itself, and stop waits for the tick under way', async () => {
    const { calls, tick } = gatedTick();
    const clock = new PeriodicTick(logger, 5, tick);
    clock.start();
    clock.start(); // starting twice does not double the clock
    expect(calls).toHaveLength(1);
    // several intervals pass while the first tick is still running: no second one starts
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toHaveLength(1);
    calls[0]();
    // the next interval starts the next tick
    while (calls.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = clock.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // the second tick is still under way
    calls[1]();
    await stopping;
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(after); // no tick after stop
  });

  it('logs a failed tick and keeps ticking', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let n = 0;
    const clock = new PeriodicTick(logger, 5, async () => {
      n++;
      if (n === 1) throw new Error('boom');
    });
    clock.start();
    while (n < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await clock.stop();
    expect(warn).toHaveBeenCalledWith('tick failed: Error: boom');
    warn.mockRestore();
  });
});
