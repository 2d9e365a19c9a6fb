import type { RetentionSettings } from "@image-studio/shared";
import type { Ctx, Deps } from "../../context";
import { startPeriodic } from "../../lib/periodic";
import * as trash from "../images/trash.service";
import { updateSettings } from "../settings/settings.service";
import * as repo from "./account-data.repo";

const DAY_MS = 86_400_000;


export async function getRetention(ctx: Ctx): Promise<RetentionSettings> {
  const [t, row] = await Promise.all([trash.getSettings(ctx), repo.settingsRow(ctx.db, ctx.user.id)]);
  const d = row?.settings?.[repo.DRAFT_SETTING_KEY];
  return { trashAutoDeleteDays: t.autoDeleteDays, draftAutoDeleteDays: typeof d === "number" && d > 0 ? d : null };
}

export async function setRetention(ctx: Ctx, input: Partial<RetentionSettings>): Promise<RetentionSettings> {
  if (input.trashAutoDeleteDays !== undefined) await trash.setSettings(ctx, { autoDeleteDays: input.trashAutoDeleteDays });
  if (input.draftAutoDeleteDays !== undefined) await updateSettings(ctx, { settings: { [repo.DRAFT_SETTING_KEY]: input.draftAutoDeleteDays } });
  return getRetention(ctx);
}

/**
 * One pass: for every user who opted in, drafts older than their setting move to the trash (where the trash
 * retention, or the user, deletes them for good). Idempotent: an image already in the trash is not touched again.
 */
export async function runDraftCleanup(deps: Deps, now = deps.clock.now()): Promise<{ users: number; trashed: number }> {
  const db = deps.database.db;
  let trashed = 0;
  const users = await repo.usersWithDraftRetention(db);
  for (const u of users) {
    try {
      trashed += (await repo.trashDrafts(db, u.userId, new Date(now.getTime() - u.days * DAY_MS), now)).length;
    } catch (err) {
      deps.log.warn("draft cleanup failed for a user", { userId: u.userId, err });
    }
  }
  if (trashed) deps.log.info("draft cleanup", { users: users.length, trashed });
  return { users: users.length, trashed };
}

/** The periodic task the server process starts next to the trash clean-up. */
export function startDraftCleanup(deps: Deps, opts: { intervalMs?: number; firstRunMs?: number } = {}) {
  return startPeriodic("draft cleanup", () => runDraftCleanup(deps), {
    log: deps.log,
    intervalMs: opts.intervalMs ?? 60 * 60 * 1000,
    firstRunMs: opts.firstRunMs ?? 45_000,
  });
}
