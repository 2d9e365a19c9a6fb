import { MODEL_DEGRADED_FAILURE_RATE, MODEL_DEGRADED_MIN_JOBS, type ModelStats, type ModelStatus } from "@image-studio/shared";
import type { Deps, SessionUser } from "../../context";
import { catalogFor } from "../../auth/guest";
import { notFound } from "../../lib/errors";
import { modelStats, recentOutcomes } from "./model-stats.repo";

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** p50/p95 duration and success rate of one model, measured on this install's finished jobs. */
export async function stats(deps: Deps, modelId: string): Promise<ModelStats> {
  if (!(await deps.catalog.get(modelId))) throw notFound("model");
  const s = await modelStats(deps.database.db, modelId);
  const finished = s.completed + s.failed;
  return {
    modelId,
    jobs: { completed: s.completed, failed: s.failed, cancelled: s.cancelled },
    successRate: finished ? round(s.completed / finished, 4) : null,
    durationSeconds: { p50: round(s.p50), p95: round(s.p95) },
    images: s.images,
    lastUsedAt: s.lastUsedAt,
  };
}

/**
 * Every catalog model's status for this caller: disabled (admin switch), unavailable (no engine can run it for
 * them), degraded (at least MODEL_DEGRADED_MIN_JOBS finished in the last 24 hours and a failure share of
 * MODEL_DEGRADED_FAILURE_RATE or more), else available.
 */
export async function statuses(deps: Deps, user: SessionUser | null): Promise<ModelStatus[]> {
  const list = catalogFor(user, await deps.catalog.list());
  const since = new Date(deps.clock.now().getTime() - 24 * 3600_000);
  const recent = await recentOutcomes(deps.database.db, since);
  return list.map((m) => {
    const r = recent.get(m.id) ?? { finished: 0, failed: 0 };
    const base = { modelId: m.id, recent: r };
    if (!m.isActive) return { ...base, status: "disabled", reason: "Turned off by an administrator" };
    if (!m.available) return { ...base, status: "unavailable", reason: m.unavailableReason ?? "No engine can run it here" };
    if (r.finished >= MODEL_DEGRADED_MIN_JOBS && r.failed / r.finished >= MODEL_DEGRADED_FAILURE_RATE) {
      return { ...base, status: "degraded", reason: `${r.failed} of the last ${r.finished} jobs in 24 hours failed` };
    }
    return { ...base, status: "available" };
  });
}
