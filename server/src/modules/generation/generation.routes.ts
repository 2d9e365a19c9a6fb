import { controlPreviewRequestSchema, costEstimateRequestSchema, LIMITS, safeDateTime, textToImageRequestSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import type { Operation } from "../../providers/types";
import type { LiveEvent } from "../../jobs/events";
import { drainFor, reconnectDelayMs } from "../../lib/shutdown";
import * as generation from "./generation.service";
import { enqueueTextToImage } from "./text-to-image.service";
import { controlPreview } from "./control-preview";

const idParam = z.object({ id: z.uuid("Job ids are UUIDs") });
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: safeDateTime().optional(),
});
async function textToImage(c: Parameters<typeof ctxOf>[0], body: z.output<typeof textToImageRequestSchema>) {
  const ctx = ctxOf(c);
  const { job, created } = await enqueueTextToImage(ctx, body);
  return { view: await generation.toView(ctx, job), created };
}

/** /api/generate/* — queue generations, follow them, cancel and retry. (image-to-image: the iteration module.) */
export const generateRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/text-to-image", validate("json", textToImageRequestSchema), async (c) => {
    const { view } = await textToImage(c, c.req.valid("json"));
    return c.json(view, 202);
  })
  .post("/control-preview", validate("json", controlPreviewRequestSchema), async (c) => {
    const png = await controlPreview(ctxOf(c), c.req.valid("json"));
    return c.body(new Uint8Array(png), 200, { "Content-Type": "image/png", "Cache-Control": "private, no-store" });
  })
  .post("/estimate", validate("json", costEstimateRequestSchema), async (c) => {
    const body = c.req.valid("json");
    return c.json(await generation.costEstimate(ctxOf(c), { ...body, operation: body.operation as Operation }));
  })
  .get("/queue", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await generation.list(ctxOf(c), { history: false, limit: q.limit, before: q.cursor ? new Date(q.cursor) : undefined }));
  })
  .get("/history", validate("query", listQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await generation.list(ctxOf(c), { history: true, limit: q.limit, before: q.cursor ? new Date(q.cursor) : undefined }));
  })
  .get("/queue/:id", validate("param", idParam), async (c) => c.json(await generation.getView(ctxOf(c), c.req.valid("param").id)))
  .get("/queue/:id/status", validate("param", idParam), async (c) => {
    const v = await generation.getView(ctxOf(c), c.req.valid("param").id);
    return c.json({ id: v.id, status: v.status, progress: v.progress, queuePosition: v.queuePosition, imageIds: v.imageIds, errorMessage: v.errorMessage });
  })
  .delete("/queue/:id", validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    return c.json(await generation.toView(ctx, await generation.cancel(ctx, c.req.valid("param").id)));
  })
  .post("/queue/:id/retry", validate("param", idParam), async (c) => {
    const ctx = ctxOf(c);
    return c.json(await generation.toView(ctx, await generation.retry(ctx, c.req.valid("param").id)), 202);
  })
  .get("/events", (c) => {
    const ctx = ctxOf(c);
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = ctx.deps.events.subscribe(ctx.user.id, (e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      // This process is shutting down: end the stream with a retry hint so the browser reconnects elsewhere.
      const drain = drainFor(ctx.deps);
      const onDrain = () => wake?.();
      drain.signal.addEventListener("abort", onDrain);
      await stream.writeSSE({ event: "ready", data: "{}" });
      let id = 0;
      while (!stream.aborted && !stream.closed) {
        if (drain.draining && !queue.length) {
          await stream.writeSSE({ event: "reconnect", data: "{}", retry: reconnectDelayMs() });
          break;
        }
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ event: next.type, data: JSON.stringify(next), id: String(++id) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000);
        });
        wake = undefined;
        if (!queue.length && !stream.aborted && !drain.draining) await stream.write(": ping\n\n");
      }
      drain.signal.removeEventListener("abort", onDrain);
      unsubscribe();
    });
  });

/** POST /api/images/generate — the seed's name for text-to-image. */
export const imagesGenerateRoute = new Hono<AppEnv>().use(requireUser).post("/generate", validate("json", textToImageRequestSchema), async (c) => {
  const { view } = await textToImage(c, c.req.valid("json"));
  return c.json(view, 202);
});
