import { Hono } from "hono";
import { msg } from "../../i18n/api";
import type { AppEnv } from "../../context";
import { findByProviderRequest } from "../../jobs/queue.repo";
import { AppError } from "../../lib/errors";
import { JwksCache, parseWebhookBody, verifyFalWebhook } from "../../providers/fal";

/** One key cache per JWKS URL (keys are cached ~24 h). */
const caches = new Map<string, JwksCache>();

/**
 * fal's completion webhook. The signature is checked over the raw body before anything is parsed. The job's
 * worker then fetches the result through the queue API, so a duplicate delivery (or one racing the poller)
 * changes nothing.
 */
export const webhookRoutes = new Hono<AppEnv>().post("/fal", async (c) => {
  const deps = c.get("deps");
  const url = deps.env.FAL_JWKS_URL;
  let jwks = caches.get(url);
  if (!jwks) caches.set(url, (jwks = new JwksCache({ url })));
  const raw = Buffer.from(await c.req.arrayBuffer());
  const headers = Object.fromEntries(c.req.raw.headers.entries());
  if (!(await verifyFalWebhook(raw, headers, jwks))) throw new AppError("UNAUTHORIZED", msg("request.badWebhookSignature"));
  const body = parseWebhookBody(JSON.parse(raw.toString("utf8")));
  const job = await findByProviderRequest(deps.database.db, body.request_id);
  if (!job || (job.status !== "pending" && job.status !== "processing")) return c.json({ ok: true, duplicate: true });
  deps.events.wakeWorkers();
  return c.json({ ok: true });
});
