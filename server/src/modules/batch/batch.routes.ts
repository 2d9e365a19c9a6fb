import { check, msg } from "../../i18n/api";
import { requestLanguage } from "../../i18n/request";
import {
  batchPresetInputSchema,
  batchRequestSchema,
  LIMITS,
  queueReorderSchema,
  safeDateTime,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { attachment } from "../images/images.http";
import { zipDownload } from "../images/images.export";
import * as repo from "./batch.repo";
import * as batches from "./batch.service";
import { retryFailed } from "./batch.retry";
import { line, reorder } from "./batch.line";
import { preview } from "./batch.plan";

const idParam = z.object({ id: z.uuid("Batch ids are UUIDs") });
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: safeDateTime().optional(),
});

/** /api/generate/batch/* — batches: preview, queue, follow, pause/resume/cancel, retry, export; presets. */
export const batchRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/preview", validate("json", batchRequestSchema), async (c) => {
    const planned = await preview(ctxOf(c), c.req.valid("json"));
    const language = requestLanguage(c);
    return c.json({ ...planned, errors: planned.errors.map((e) => ({ ...e, message: check(e.message).render(language) })) });
  })
  .post("/", validate("json", batchRequestSchema), async (c) => {
    const { batch, created } = await batches.create(ctxOf(c), c.req.valid("json"));
    return c.json({ id: batch.id, total: batch.total, estimatedCredits: batch.estimatedCredits }, created ? 202 : 200);
  })
  .get("/", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await batches.list(ctxOf(c), { limit: q.limit, before: q.cursor ? new Date(q.cursor) : undefined }));
  })
  .get("/presets", async (c) => {
    const rows = await repo.listPresets(ctxOf(c).db, ctxOf(c).user.id);
    return c.json({
      items: rows.map((r) => ({ id: r.id, name: r.name, config: r.config, createdAt: r.createdAt.toISOString() })),
    });
  })
  .post("/presets", validate("json", batchPresetInputSchema), async (c) => {
    const ctx = ctxOf(c);
    const body = c.req.valid("json");
    const r = await repo.insertPreset(ctx.db, ctx.user.id, body.name, body.config);
    return c.json({ id: r.id, name: r.name, config: r.config, createdAt: r.createdAt.toISOString() }, 201);
  })
  .delete("/presets/:id", validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    if (!(await repo.deletePreset(ctx.db, ctx.user.id, c.req.valid("param").id)))
      throw notFound("preset");
    return c.body(null, 204);
  })
  .get("/:id", validate("param", idParam), async (c) => c.json(await batches.get(ctxOf(c), c.req.valid("param").id)))
  .get("/:id/jobs", validate("param", idParam), async (c) =>
    c.json({ items: await batches.jobs(ctxOf(c), c.req.valid("param").id) }),
  )
  .post("/:id/pause", validate("param", idParam), async (c) =>
    c.json(await batches.pause(ctxOf(c), c.req.valid("param").id)),
  )
  .post("/:id/resume", validate("param", idParam), async (c) =>
    c.json(await batches.resume(ctxOf(c), c.req.valid("param").id)),
  )
  .post("/:id/cancel", validate("param", idParam), async (c) =>
    c.json(await batches.cancel(ctxOf(c), c.req.valid("param").id)),
  )
  .post("/:id/retry-failed", validate("param", idParam), async (c) =>
    c.json(await retryFailed(ctxOf(c), c.req.valid("param").id), 202),
  )
  .get("/:id/export", validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    const { batch, imageIds } = await batches.imageIdsOf(ctx, c.req.valid("param").id);
    if (!imageIds.length) throw new AppError("NOT_FOUND", msg("batch.noImages"));
    const zip = await zipDownload(ctx, imageIds, { csv: true });
    const safe =
      batch.name
        .replace(/[^\w.-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || "batch";
    return c.body(zip.body, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(`batch-${safe}-${imageIds.length}-images.zip`),
      "Cache-Control": "no-store",
    });
  });

/** /api/generate/line — the user's waiting line (jobs and batches) in run order. */
export const lineRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await line(ctxOf(c)) }));

/** POST /api/generate/queue/reorder — drag a pending job or a batch before/after another. */
export const reorderRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/reorder", validate("json", queueReorderSchema), async (c) =>
    c.json({ items: await reorder(ctxOf(c), c.req.valid("json")) }),
  );
