import type { Deps } from "../../context";
import { startPeriodic } from "../../lib/periodic";
import * as repo from "./uploads.repo";

const HOUR_MS = 3_600_000;

/**
 * One expiry pass: deletes, with their bytes, the uploads nobody used for UPLOAD_TTL_HOURS and that no pending
 * or running job still needs. Safe in several processes at once: each row is claimed by one conditional DELETE.
 * The row goes first, so a job can never be queued with an upload whose bytes are already gone.
 */
export async function runUploadCleanup(
  deps: Deps,
  now = deps.clock.now(),
): Promise<{ deleted: number; bytes: number }> {
  const db = deps.database.db;
  const cutoff = new Date(now.getTime() - deps.env.UPLOAD_TTL_HOURS * HOUR_MS);
  let deleted = 0;
  let bytes = 0;
  for (const row of await repo.expired(db, cutoff)) {
    try {
      if (!(await repo.deleteIfExpired(db, row.id, cutoff))) continue;
      await deps.storage.delete(row.storageKey);
      deleted++;
      bytes += row.byteSize;
    } catch (err) {
      deps.log.warn("upload cleanup failed for an upload", { uploadId: row.id, err });
    }
  }
  if (deleted) deps.log.info("upload cleanup", { deleted, bytes });
  return { deleted, bytes };
}

/** The periodic task the API process starts: a first pass soon after boot, then every `intervalMs`. */
export function startUploadCleanup(deps: Deps, opts: { intervalMs?: number; firstRunMs?: number } = {}) {
  return startPeriodic("upload cleanup", () => runUploadCleanup(deps), {
    log: deps.log,
    intervalMs: opts.intervalMs ?? HOUR_MS,
    firstRunMs: opts.firstRunMs ?? 60_000,
  });
}
