import { msg } from "../../i18n/api";
import {
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEvent,
  type webhookEndpointCreateSchema,
  type webhookEndpointUpdateSchema,
} from "@image-studio/shared";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import { attempt, RETRY_WINDOW_MS } from "./deliver";
import { mintSecret } from "./signing";
import { assertPublicTarget, SsrfRefused } from "./ssrf";
import * as repo from "./webhooks.repo";

/** A user may have this many endpoints. */
export const MAX_ENDPOINTS_PER_USER = 20;

export function toEndpoint(row: repo.EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEvent[],
    description: row.description,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDelivery(row: repo.DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event,
    status: row.status as WebhookDelivery["status"],
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    error: row.error,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The SSRF guard as a field error on `url`. */
async function checkTarget(ctx: Ctx, url: string) {
  try {
    await assertPublicTarget(new URL(url), ctx.deps.env.WEBHOOK_ALLOW_PRIVATE_TARGETS);
  } catch (err) {
    if (!(err instanceof SsrfRefused)) throw err;
    throw new AppError("VALIDATION_FAILED", err.text, { issues: [{ path: ["url"], message: err.text }] });
  }
}

async function owned(ctx: Ctx, id: string) {
  const row = await repo.getEndpoint(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("webhookEndpoint");
  return row;
}

export async function list(ctx: Ctx): Promise<WebhookEndpoint[]> {
  return (await repo.listEndpoints(ctx.db, ctx.user.id)).map(toEndpoint);
}

export async function get(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  return toEndpoint(await owned(ctx, id));
}

export async function create(
  ctx: Ctx,
  input: z.output<typeof webhookEndpointCreateSchema>,
): Promise<WebhookEndpointCreated> {
  if (ctx.user.isGuest) throw new AppError("FORBIDDEN", msg("guest.webhooks"), { reason: "GUEST" });
  await checkTarget(ctx, input.url);
  if ((await repo.listEndpoints(ctx.db, ctx.user.id)).length >= MAX_ENDPOINTS_PER_USER) {
    throw new AppError(
      "CONFLICT",
      msg("webhooks.maxEndpoints", { max: MAX_ENDPOINTS_PER_USER }),
    );
  }
  const secret = mintSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertEndpoint(tx, {
      userId: ctx.user.id,
      url: input.url,
      events: input.events,
      description: input.description ?? "",
      secret,
    });
    await audit(
      ctx,
      {
        action: "webhook_endpoint.create",
        targetType: "webhook_endpoint",
        targetId: inserted.id,
        details: { url: input.url, events: input.events },
      },
      tx,
    );
    return inserted;
  });
  return { ...toEndpoint(row), secret };
}

export async function update(
  ctx: Ctx,
  id: string,
  input: z.output<typeof webhookEndpointUpdateSchema>,
): Promise<WebhookEndpoint> {
  await owned(ctx, id);
  if (input.url) await checkTarget(ctx, input.url);
  const row = await repo.updateEndpoint(ctx.db, ctx.user.id, id, input);
  if (!row) throw notFound("webhookEndpoint");
  return toEndpoint(row);
}

export async function remove(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteEndpoint(tx, ctx.user.id, id))) throw notFound("webhookEndpoint");
    await audit(ctx, { action: "webhook_endpoint.delete", targetType: "webhook_endpoint", targetId: id }, tx);
  });
  return { ok: true };
}

export async function deliveries(ctx: Ctx, id: string, limit: number): Promise<WebhookDelivery[]> {
  await owned(ctx, id);
  return (await repo.listDeliveries(ctx.db, ctx.user.id, id, limit)).map(toDelivery);
}

/** Claims one delivery now and attempts it in this request (send test, redeliver); the answer is its log row. */
async function attemptNow(ctx: Ctx, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const [claimed] = await repo.claimDue(ctx.db, ctx.now, 60_000, 1, [deliveryId]);
  if (claimed) await attempt(ctx.deps, claimed);
  const row = claimed && (await repo.getDelivery(ctx.db, ctx.user.id, endpointId, deliveryId));
  if (!row) throw new AppError("CONFLICT", msg("webhooks.sendingNow"));
  return toDelivery(row);
}

/** "Send test": a `webhook.test` delivery, signed like any other, sent now (and retried like any other). */
export async function sendTest(ctx: Ctx, id: string): Promise<WebhookDelivery> {
  const endpoint = await owned(ctx, id);
  const payload = { message: "A test delivery from Image Studio", endpointId: endpoint.id };
  const [row] = await repo.insertDeliveries(ctx.db, [
    {
      endpointId: endpoint.id,
      userId: ctx.user.id,
      event: WEBHOOK_TEST_EVENT,
      payload,
      status: "pending",
      nextAttemptAt: ctx.now,
      giveUpAt: new Date(ctx.now.getTime() + RETRY_WINDOW_MS),
      createdAt: ctx.now,
    },
  ]);
  return attemptNow(ctx, endpoint.id, row!.id);
}

/** Sends a delivery again now, with the same id and body (receivers dedupe by it), and retries it for another 24 h. */
export async function redeliver(ctx: Ctx, id: string, deliveryId: string): Promise<WebhookDelivery> {
  await owned(ctx, id);
  const row = await repo.getDelivery(ctx.db, ctx.user.id, id, deliveryId);
  if (!row) throw notFound("delivery");
  await repo.requeue(ctx.db, row.id, ctx.now, new Date(ctx.now.getTime() + RETRY_WINDOW_MS));
  return attemptNow(ctx, id, row.id);
}
