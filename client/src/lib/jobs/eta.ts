/** Rough completion estimates for queued and running jobs, from how long the user's recent jobs took. */
import type { Job } from "@image-studio/shared";
import { i18n } from "@/i18n";
import { isActive, runSeconds } from "./job-state";

/** Seconds one job of a model typically runs, by its catalog speed (1 slow … 5 fast), when no history exists. */
const SECONDS_BY_SPEED: Record<number, number> = { 1: 60, 2: 30, 3: 12, 4: 6, 5: 3 };

export interface EtaInput {
  /** Typical seconds per job by model id (from history); falls back to `speedOf`. */
  typical: Map<string, number>;
  speedOf: (modelId: string) => number | undefined;
  now: number;
}

/** Median run time of recent completed jobs per model. */
export function typicalRunSeconds(history: readonly Job[]): Map<string, number> {
  const samples = new Map<string, number[]>();
  for (const job of history) {
    if (job.status !== "completed") continue;
    const s = runSeconds(job);
    if (s === null) continue;
    const list = samples.get(job.modelId) ?? [];
    if (list.length < 20) list.push(s);
    samples.set(job.modelId, list);
  }
  const out = new Map<string, number>();
  for (const [id, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b);
    out.set(id, sorted[Math.floor(sorted.length / 2)]!);
  }
  return out;
}

function perJob(job: Job, input: EtaInput): number {
  return input.typical.get(job.modelId) ?? SECONDS_BY_SPEED[input.speedOf(job.modelId) ?? 3] ?? 12;
}

/**
 * Estimated seconds until the job finishes, or null for finished jobs. A running job: its typical duration
 * scaled by the progress still to go (and by time already spent). A waiting job: its own run plus one typical
 * job for every job ahead of it.
 */
export function estimateRemainingSeconds(job: Job, input: EtaInput): number | null {
  if (!isActive(job.status)) return null;
  const typical = perJob(job, input);
  if (job.status === "processing") {
    const elapsed = job.startedAt ? Math.max(0, (input.now - Date.parse(job.startedAt)) / 1000) : 0;
    const byProgress = job.progress > 0.05 && elapsed > 0 ? (elapsed / job.progress) * (1 - job.progress) : typical * (1 - job.progress);
    return Math.max(1, Math.round(byProgress));
  }
  const ahead = job.queuePosition ?? 0;
  return Math.max(1, Math.round(typical * (ahead + 1)));
}

/** "about 5 s", "about 2 min", "about 1 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return i18n.t("common:duration.seconds", { n: Math.max(1, Math.round(seconds)) });
  if (seconds < 3600) return i18n.t("common:duration.minutes", { n: Math.round(seconds / 60) });
  return i18n.t("common:duration.hours", { n: Math.round(seconds / 3600) });
}
