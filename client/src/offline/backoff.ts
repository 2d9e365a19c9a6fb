/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of min(max, base·2ⁿ), so tabs and
 * devices that failed together do not retry together, and a retry never comes sooner than half the step.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, { baseMs = 1000, maxMs = 60_000, random = Math.random }: BackoffOptions = {}): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
