import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_EVENT_HEADER, WEBHOOK_SIGNATURE_HEADER } from "@image-studio/shared";
import type { Deps } from "../../context";
import { startPeriodic, type PeriodicTask } from "../../lib/periodic";
import { guardedLookup, isPrivateAddress, SsrfRefused } from "./ssrf";
import { signatureHeader } from "./signing";
import * as repo from "./webhooks.repo";

/** A receiver gets this long to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claimed delivery is this worker's for this long (then another worker may take it). */
const LEASE_MS = 60_000;
/** How long a delivery is retried after its event (or after a redeliver). */
export const RETRY_WINDOW_MS = 24 * 3600 * 1000;
const BATCH = 20;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1, 2, 4… minutes, at most 6 hours. */
export const backoffMs = (attempts: number) => Math.min(6 * 3600 * 1000, 30_000 * 2 ** Math.max(0, attempts - 1));

/** The body every attempt of a delivery sends (the same bytes each time: `id` is the idempotency key). */
export function deliveryBody(row: Pick<repo.DeliveryRow, "id" | "event" | "payload" | "createdAt">): string {
  return JSON.stringify({ id: row.id, type: row.event, createdAt: row.createdAt.toISOString(), data: row.payload });
}

interface Sent {
  status: number | null;
  error: string | null;
}

/** One POST, through the SSRF-guarded resolver; redirects are not followed (a 3xx is a failed attempt). */
function post(url: URL, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<Sent> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
      resolve({
        status: null,
        error: new SsrfRefused(
          `${host} is a private, loopback or link-local address; webhooks only go to public addresses.`,
        ).message,
      });
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup(allowPrivate) as never,
      timeout: DELIVERY_TIMEOUT_MS,
    });
    req.on("response", (res) => {
      res.resume(); // the answer's body is not kept
      res.on("end", () => resolve({ status: res.statusCode ?? null, error: null }));
      res.on("error", () => resolve({ status: res.statusCode ?? null, error: null }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`)));
    req.on("error", (err) => resolve({ status: null, error: err.message }));
    req.end(body);
  });
}

/** Sends one claimed delivery and records the outcome (success, a retry with backoff, or given up). */
export async function attempt(deps: Deps, row: repo.DeliveryRow): Promise<repo.Outcome> {
  const db = deps.database.db;
  const endpoint = await repo.endpointById(db, row.endpointId);
  const now = deps.clock.now();
  const body = deliveryBody(row);
  const started = performance.now();
  const sent: Sent = endpoint
    ? await post(
        new URL(endpoint.url),
        {
          "Content-Type": "application/json",
          "User-Agent": `ImageStudio-Webhooks/${deps.version}`,
          [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(endpoint.secret, Math.floor(now.getTime() / 1000), body),
          [WEBHOOK_DELIVERY_HEADER]: row.id,
          [WEBHOOK_EVENT_HEADER]: row.event,
        },
        body,
        deps.env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      )
    : { status: null, error: "The endpoint was deleted" };
  const durationMs = Math.round(performance.now() - started);
  const ok = sent.status !== null && sent.status >= 200 && sent.status < 300;
  const error = ok ? null : (sent.error ?? `The endpoint answered ${sent.status}`);
  const next = new Date(now.getTime() + backoffMs(row.attempts));
  const retry = !ok && !!endpoint && next.getTime() <= row.giveUpAt.getTime();
  const outcome: repo.Outcome = {
    status: ok ? "succeeded" : retry ? "pending" : "failed",
    nextAttemptAt: retry ? next : null,
    lastAttemptAt: now,
    responseStatus: sent.status,
    durationMs,
    error,
  };
  await repo.settle(db, row.id, outcome);
  return outcome;
}

/**
 * The delivery step: claims the deliveries due now (by `deps.clock`) and sends them. The worker runs it on a
 * timer; tests call it directly, naming their deliveries so another file's rows on a shared database are left be.
 */
export async function deliverDue(deps: Deps, opts: { ids?: string[]; limit?: number } = {}): Promise<number> {
  const rows = await repo.claimDue(deps.database.db, deps.clock.now(), LEASE_MS, opts.limit ?? BATCH, opts.ids);
  await Promise.all(
    rows.map((row) =>
      attempt(deps, row).catch((err: unknown) =>
        deps.log.warn("webhook delivery failed to record", { deliveryId: row.id, err }),
      ),
    ),
  );
  return rows.length;
}

/** The worker's delivery loop (every WEBHOOK_DELIVERY_INTERVAL_MS): drains what is due, a batch at a time. */
export function startWebhookDeliveries(deps: Deps): PeriodicTask {
  const interval = deps.env.WEBHOOK_DELIVERY_INTERVAL_MS;
  return startPeriodic(
    "webhook deliveries",
    async () => {
      for (let i = 0; i < 50; i++) if ((await deliverDue(deps)) < BATCH) break;
    },
    { log: deps.log, intervalMs: interval, firstRunMs: interval },
  );
}
