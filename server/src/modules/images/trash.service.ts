import type { TrashSettings } from "@image-studio/shared";
import type { Ctx, Deps } from "../../context";
import { startPeriodic } from "../../lib/periodic";
import * as images from "./images.service";
import * as repo from "./trash.repo";

const DAY_MS = 86_400_000;

export async function getSettings(ctx: Ctx): Promise<TrashSettings> {
  return { autoDeleteDays: await repo.readRetention(ctx.db, ctx.user.id) };
}

export async function setSettings(ctx: Ctx, input: TrashSettings): Promise<TrashSettings> {
  await repo.writeRetention(ctx.db, ctx.user.id, input.autoDeleteDays);
  return getSettings(ctx);
}

/**
 * One cleanup pass: for every user with auto-cleanup on, deletes for good what has sat in the trash longer than
 * their retention. Safe to run in several processes at once — each row is deleted (and tombstoned) by exactly one
 * `DELETE … RETURNING`; the others see it gone.
 */
export async function runTrashCleanup(deps: Deps, now = deps.clock.now()): Promise<{ users: number; deleted: number }> {
  const db = deps.database.db;
  const ctx = { db, deps, log: deps.log };
  let deleted = 0;
  const users = await repo.usersWithRetention(db);
  for (const u of users) {
    try {
      deleted += (await images.purgeExpired(ctx, u.userId, new Date(now.getTime() - u.days * DAY_MS))).length;
    } catch (err) {
      deps.log.warn("trash cleanup failed for a user", { userId: u.userId, err });
    }
  }
  if (deleted) deps.log.info("trash cleanup", { users: users.length, deleted });
  return { users: users.length, deleted };
}

/** The periodic task the API process starts: a first pass soon after boot, then every `intervalMs`. */
export function startTrashCleanup(deps: Deps, opts: { intervalMs?: number; firstRunMs?: number } = {}) {
  return startPeriodic("trash cleanup", () => runTrashCleanup(deps), {
    log: deps.log,
    intervalMs: opts.intervalMs ?? 60 * 60 * 1000,
    firstRunMs: opts.firstRunMs ?? 30_000,
  });
}
