import type { ActivityItem } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { activityT } from "../../i18n/activity";
import * as repo from "./activity.repo";

const OPERATIONS = new Set(["text-to-image", "image-to-image", "variation", "upscale", "remix", "inpaint", "outpaint", "remove-background", "style-transfer"]);

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/**
 * The caller's recent activity, derived from what the tables already record: jobs finished (generated or
 * iterated), batches finished, images and projects shared, comments written or received. Newest first. Worded
 * in `language` (the request's); what people wrote (prompts, comments, names) is quoted as it is.
 */
export async function activity(ctx: Ctx, limit: number, language = "en"): Promise<{ items: ActivityItem[] }> {
  const uid = ctx.user.id;
  const { t, language: lng } = activityT(language);
  const num = new Intl.NumberFormat(lng);
  const counted = (key: string, n: number) => t(key, { count: n, n: num.format(n) });
  const [jobs, batches, imgShares, projShares, notes] = await Promise.all([
    repo.finishedJobs(ctx.db, uid, limit),
    repo.finishedBatches(ctx.db, uid, limit),
    repo.imageShares(ctx.db, uid, limit),
    repo.projectShares(ctx.db, uid, limit),
    repo.comments(ctx.db, uid, limit),
  ]);
  const models = new Map((await ctx.deps.catalog.list()).map((m) => [m.id, m.displayName]));
  const candidates = [
    ...jobs.flatMap((j) => j.imageIds.slice(0, 1)),
    ...batches.flatMap((b) => (b.firstImage ? [b.firstImage] : [])),
  ];
  const live = await repo.liveImages(ctx.db, uid, candidates);
  const image = (id: string | null | undefined) => (id && live.has(id) ? id : null);
  const items: ActivityItem[] = [
    ...jobs.map((j): ActivityItem => {
      const first = image(j.imageIds[0]);
      const generated = j.operation === "text-to-image";
      return {
        id: `job:${j.id}`,
        type: generated ? "generated" : "iterated",
        title: t(`made.${OPERATIONS.has(j.operation) ? j.operation : "other"}`, {
          model: models.get(j.modelId) ?? j.modelId,
          count: j.imageIds.length,
          n: num.format(j.imageIds.length),
        }),
        detail: j.prompt ? clip(j.prompt) : null,
        imageId: first,
        link: first ? `/images/${first}` : null,
        at: j.at!.toISOString(),
      };
    }),
    ...batches
      .filter((b) => b.at)
      .map((b): ActivityItem => {
        const first = image(b.firstImage);
        return {
          id: `batch:${b.batchId}`,
          type: "batch",
          title: t("batch.title", { count: b.jobs, n: num.format(b.jobs), images: counted("batch.images", b.images) }),
          detail: b.failed ? counted("batch.failed", b.failed) : null,
          imageId: first,
          link: first ? `/images/${first}` : null,
          at: new Date(b.at).toISOString(),
        };
      }),
    ...imgShares.map(
      (s): ActivityItem => ({
        id: `share:${s.id}`,
        type: "shared",
        title: t("sharedImage"),
        detail: s.prompt ? clip(s.prompt) : null,
        imageId: s.imageId,
        link: `/images/${s.imageId}`,
        at: s.at.toISOString(),
      }),
    ),
    ...projShares.map(
      (s): ActivityItem => ({
        id: `pshare:${s.id}`,
        type: "shared",
        title: t("sharedProject", { name: clip(s.name, 40) }),
        detail: null,
        imageId: null,
        link: `/projects/${s.projectId}`,
        at: s.at.toISOString(),
      }),
    ),
    ...notes.map(
      (n): ActivityItem => ({
        id: `comment:${n.id}`,
        type: "commented",
        title: t(n.authorId === uid ? "commented" : "commentReceived"),
        detail: clip(n.text),
        imageId: n.imageId,
        link: `/images/${n.imageId}`,
        at: n.at.toISOString(),
      }),
    ),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  return { items: items.slice(0, limit) };
}
