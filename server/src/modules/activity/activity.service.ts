import type { ActivityItem } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./activity.repo";

const VERBS: Record<string, string> = {
  "text-to-image": "Generated",
  "image-to-image": "Made from an image",
  variation: "Made variations",
  upscale: "Upscaled",
  remix: "Remixed",
  inpaint: "Inpainted",
  outpaint: "Extended",
  "remove-background": "Removed a background",
  "style-transfer": "Restyled",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/**
 * The caller's recent activity, derived from what the tables already record: jobs finished (generated or
 * iterated), batches finished, images and projects shared, comments written or received. Newest first.
 */
export async function activity(ctx: Ctx, limit: number): Promise<{ items: ActivityItem[] }> {
  const uid = ctx.user.id;
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
        title:
          `${VERBS[j.operation] ?? "Made"} ${generated ? plural(j.imageIds.length, "image") : ""}`.trim() +
          ` with ${models.get(j.modelId) ?? j.modelId}`,
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
          title: `Batch finished: ${plural(b.images, "image")} from ${plural(b.jobs, "job")}`,
          detail: b.failed ? `${b.failed} failed and were refunded` : null,
          imageId: first,
          link: first ? `/images/${first}` : null,
          at: new Date(b.at).toISOString(),
        };
      }),
    ...imgShares.map(
      (s): ActivityItem => ({
        id: `share:${s.id}`,
        type: "shared",
        title: "Shared an image",
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
        title: `Shared the project “${clip(s.name, 40)}”`,
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
        title: n.authorId === uid ? "You commented on an image" : "New comment on your image",
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
