import type { SyncPull, syncPullQuerySchema, Tombstone } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
import { toDetail } from "../images/images.mapper";
import { toProject } from "../projects/projects.service";
import * as prompts from "../prompts/prompts.service";
import { getSettings } from "../settings/settings.service";
import { toJob, toSyncCollection } from "./sync.mapper";
import * as repo from "./sync.repo";
import { sharedProjects } from "./sync.shared";
import { safeWatermark } from "./sync.watermark";

/** PostgreSQL's bigint maximum: a larger cursor cannot be compared (and was never handed out). */
const MAX_VERSION = 9_223_372_036_854_775_807n;

type PullQuery = z.output<typeof syncPullQuerySchema>;

const byVersion = (a: { version: number }, b: { version: number }) => a.version - b.version;

/**
 * One page of the user's changes after `cursor`: rows (current state) and tombstones with a greater version,
 * up to the safe watermark, `limit` in all, in version order. Read in one repeatable-read snapshot so each row
 * is delivered at the version the feed listed it with.
 */
export async function pull(ctx: Ctx, q: PullQuery, opts: { maxWaitMs?: number } = {}): Promise<SyncPull> {
  const after = q.cursor ?? "0";
  if (BigInt(after) > MAX_VERSION) throw new AppError("VALIDATION_FAILED", msg("sync.badCursor"), { issues: [{ path: ["cursor"], message: msg("issue.outOfRange") }] });
  const { upTo } = await safeWatermark(ctx.deps.database, ctx.db, opts.maxWaitMs);
  return ctx.db.transaction(
    async (tx) => {
      const userId = ctx.user.id;
      const feed = await repo.changes(tx, userId, after, upTo, q.limit + 1);
      const page = feed.slice(0, q.limit);
      const idsOf = (kind: repo.ChangeKind) => page.filter((c) => c.kind === kind).map((c) => c.id);
      const imageRows = await repo.imageRows(tx, userId, idsOf("image"));
      const projectRows = await repo.projectRows(tx, userId, idsOf("project"));
      const collectionRows = await repo.collectionRows(tx, userId, idsOf("collection"));
      const members = await repo.memberRows(tx, collectionRows.map((c) => c.id));
      const promptList = await prompts.byIds({ ...ctx, db: tx }, idsOf("prompt"));
      const jobRows = await repo.jobRows(tx, userId, idsOf("job"));
      const settings = idsOf("settings").length ? await getSettings({ ...ctx, db: tx }) : null;
      const tombstones: Tombstone[] = page
        .filter((c) => c.kind.startsWith("tombstone:"))
        .map((c) => ({ entity: c.kind.slice("tombstone:".length) as Tombstone["entity"], id: c.id, version: Number(c.version) }));
      return {
        images: imageRows.map((r) => toDetail(r.image, r.projectName)).sort(byVersion),
        projects: projectRows.map(toProject).sort(byVersion),
        collections: collectionRows.map((r) => toSyncCollection(r, members)).sort(byVersion),
        prompts: promptList.sort(byVersion),
        jobs: jobRows.sort(byVersion).map(toJob),
        settings,
        tombstones,
        // The projects shared with the caller ride the last page (the device reconciles them once per pull).
        ...(feed.length > q.limit ? {} : { shared: await sharedProjects(ctx, tx) }),
        cursor: page.at(-1)?.version ?? after,
        hasMore: feed.length > q.limit,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
