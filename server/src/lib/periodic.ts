import type { Logger } from "./logger";

export interface PeriodicTask {
  /** Stops the timers and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * A background pass a process runs on a timer (trash and upload clean-up): a first pass `firstRunMs` after start,
 * then every `intervalMs`; never two passes at once; a failed pass is logged and the next one runs as planned.
 */
export function startPeriodic(
  name: string,
  run: () => Promise<unknown>,
  opts: { log: Logger; intervalMs: number; firstRunMs: number },
): PeriodicTask {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = run()
      .catch((err: unknown) => opts.log.warn(`${name} pass failed`, { err }))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(tick, opts.firstRunMs);
  const timer = setInterval(tick, opts.intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
