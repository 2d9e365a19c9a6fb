import type { Deps } from "../../context";
import { medianSeconds } from "./batch.repo";

/** Seconds per job from the catalog's speed hint (1 slow … 5 fast), when this install has no runs of a model yet. */
const HINT_SECONDS: Record<number, number> = { 1: 40, 2: 20, 3: 10, 4: 6, 5: 3 };

/**
 * Seconds each model takes here: the median of its last 50 completed jobs on this install (measured, so a slow
 * GPU or a busy fal queue shows), else the catalog's speed hint.
 */
export async function secondsPerModel(deps: Deps, modelIds: string[]): Promise<Map<string, number>> {
  const measured = await medianSeconds(deps.database.db, modelIds);
  const out = new Map<string, number>();
  for (const id of modelIds) {
    const m = measured.get(id);
    if (m !== undefined && Number.isFinite(m)) out.set(id, Math.max(0.05, m));
    else out.set(id, HINT_SECONDS[(await deps.catalog.get(id))?.speed ?? 3] ?? 10);
  }
  return out;
}

/** How many of one user's jobs run at once: the per-user limit, or the worker's slots if fewer. */
export const parallelism = (deps: Deps) =>
  Math.max(1, Math.min(deps.env.USER_CONCURRENCY, deps.env.WORKER_CONCURRENCY));

/** Seconds until `remaining` jobs (per model) are done, run `parallelism` at a time. */
export async function etaFor(deps: Deps, remaining: Map<string, number>): Promise<number> {
  const secs = await secondsPerModel(deps, [...remaining.keys()]);
  let total = 0;
  for (const [model, n] of remaining) total += n * (secs.get(model) ?? 10);
  return Math.ceil(total / parallelism(deps));
}
