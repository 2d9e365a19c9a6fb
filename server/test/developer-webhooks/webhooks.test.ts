import { createHmac } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { WebhookDelivery, WebhookEndpointCreated, WebhookEvent } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "../../src/db/schema";
import { deliverDue } from "../../src/modules/developer-webhooks/deliver";
import { emitWebhookEvent } from "../../src/modules/developer-webhooks/emit";
import { verifySignature } from "../../src/modules/developer-webhooks/signing";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { startReceiver } from "./receiver";

let t: TestApp;
let owner: SignedUpUser;
let other: SignedUpUser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" });
  [owner, other] = await Promise.all([signUp(t), signUp(t)]);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const as = (u: SignedUpUser) => ({ cookie: u.cookie, ip: u.ip });

async function createEndpoint(url: string, events = ["job.completed", "job.failed"]): Promise<WebhookEndpointCreated> {
  const res = await jsonRequest(t, "/api/webhook-endpoints", { ...as(owner), body: { url, events } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as WebhookEndpointCreated;
}

async function log(endpointId: string): Promise<WebhookDelivery[]> {
  const res = await jsonRequest(t, `/api/webhook-endpoints/${endpointId}/deliveries`, as(owner));
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: WebhookDelivery[] }).items;
}

/** Emits `event` for the owner and returns the id of the delivery queued for endpoint `ep`. */
async function emitFor(
  ep: { id: string },
  event: WebhookEvent,
  payload: Record<string, unknown>,
  app: TestApp = t,
): Promise<string> {
  const ids = await emitWebhookEvent(app.deps, owner.user.id, event, payload);
  const rows = ids.length
    ? await app.deps.database.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids))
    : [];
  const mine = rows.find((r) => r.endpointId === ep.id);
  if (!mine) throw new Error(`no ${event} delivery queued for endpoint ${ep.id}`);
  return mine.id;
}

/** Runs the delivery step at `at` (the injectable clock), for these deliveries only. */
async function deliverAt(at: Date, ids: string[]) {
  const real = t.deps.clock;
  t.deps.clock = { now: () => at };
  try {
    return await deliverDue(t.deps, { ids });
  } finally {
    t.deps.clock = real;
  }
}

describe("outgoing webhooks: endpoints", () => {
  it("creates an endpoint with a secret shown once; lists it without the secret; someone else gets 404", async () => {
    const ep = await createEndpoint(receiver.url);
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(ep.events).toEqual(["job.completed", "job.failed"]);
    const list = await (await jsonRequest(t, "/api/webhook-endpoints", as(owner))).text();
    expect(list).toContain(ep.id);
    expect(list).not.toContain(ep.secret);
    expect((await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, as(other))).status).toBe(404);
    expect((await jsonRequest(t, `/api/webhook-endpoints/${ep.id}/deliveries`, as(other))).status).toBe(404);
    expect(
      (await jsonRequest(t, `/api/webhook-endpoints/${ep.id}/test`, { ...as(other), method: "POST" })).status,
    ).toBe(404);
    const patched = await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, {
      ...as(owner),
      method: "PATCH",
      body: { events: ["image.shared"], enabled: false },
    });
    expect(await patched.json()).toMatchObject({ events: ["image.shared"], enabled: false });
    expect((await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, { ...as(other), method: "DELETE" })).status).toBe(
      404,
    );
    expect((await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, { ...as(owner), method: "DELETE" })).status).toBe(
      200,
    );
    expect((await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, as(owner))).status).toBe(404);
  });

  it("refuses bad input with 400", async () => {
    for (const body of [
      { url: "ftp://x.example/", events: ["job.completed"] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ["job.started"] },
      { url: "https://u:p@x.example/", events: ["job.failed"] },
    ]) {
      expect(
        (await jsonRequest(t, "/api/webhook-endpoints", { ...as(owner), body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
  });
});

describe("outgoing webhooks: signed deliveries from the durable queue", () => {
  it("signs each delivery with HMAC-SHA256 over `<t>.<body>` and names it by a delivery id", async () => {
    const ep = await createEndpoint(receiver.url);
    const before = receiver.received.length;
    const id = await emitFor(ep, "job.completed", { jobId: "j-1", imageIds: ["a"] });
    await expect(emitFor(ep, "batch.completed", {})).rejects.toThrow(/no batch.completed delivery/); // not subscribed
    const now = new Date();
    expect(await deliverAt(now, [id])).toBe(1);
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const { headers, body } = got[0]!;
    const sig = String(headers["image-studio-signature"]);
    const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig)!;
    expect(Number(ts)).toBe(Math.floor(now.getTime() / 1000));
    expect(v1).toBe(createHmac("sha256", ep.secret).update(`${ts}.${body}`).digest("hex"));
    expect(verifySignature(ep.secret, sig, body, Number(ts))).toBe(true);
    expect(verifySignature("whsec_wrong", sig, body, Number(ts))).toBe(false);
    expect(headers["image-studio-delivery"]).toBe(id);
    expect(headers["image-studio-event"]).toBe("job.completed");
    expect(JSON.parse(body)).toMatchObject({ id, type: "job.completed", data: { jobId: "j-1", imageIds: ["a"] } });
    const [entry] = await log(ep.id);
    expect(entry).toMatchObject({ id, status: "succeeded", attempts: 1, responseStatus: 200, error: null });
    expect(entry!.durationMs).toBeGreaterThanOrEqual(0);
    // Delivered once: the next pass finds nothing due.
    expect(await deliverAt(new Date(now.getTime() + 3600_000), [id])).toBe(0);
  });

  it("retries after a 500 with backoff, with the same delivery id and body, and gives up after 24 hours", async () => {
    const flaky = await startReceiver([500, 200]);
    const down = await startReceiver([500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500]);
    try {
      const ep = await createEndpoint(flaky.url);
      const id = await emitFor(ep, "job.failed", { jobId: "j-2" });
      const t0 = new Date();
      await deliverAt(t0, [id]);
      let [entry] = await log(ep.id);
      expect(entry).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
      expect(Date.parse(entry!.nextAttemptAt!) - t0.getTime()).toBe(30_000);
      expect(await deliverAt(new Date(t0.getTime() + 29_000), [id]), "not due before the backoff").toBe(0);
      expect(await deliverAt(new Date(t0.getTime() + 30_000), [id])).toBe(1);
      [entry] = await log(ep.id);
      expect(entry).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200 });
      expect(flaky.received.map((r) => r.headers["image-studio-delivery"])).toEqual([id, id]);
      expect(flaky.received[0]!.body).toBe(flaky.received[1]!.body);

      // An endpoint that never recovers: the delivery is retried on a growing schedule and marked failed after 24 h.
      await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, { ...as(owner), method: "DELETE" });
      const ep2 = await createEndpoint(down.url, ["job.failed"]);
      const id2 = await emitFor(ep2, "job.failed", { jobId: "j-3" });
      let at = new Date();
      const waits: number[] = [];
      for (let i = 0; i < 14; i++) {
        await deliverAt(at, [id2]);
        const [e] = await log(ep2.id);
        if (e!.status !== "pending") break;
        waits.push(Date.parse(e!.nextAttemptAt!) - at.getTime());
        at = new Date(e!.nextAttemptAt!);
      }
      expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
      const [last] = await log(ep2.id);
      expect(last!.status).toBe("failed");
      expect(last!.nextAttemptAt).toBeNull();
      expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(24 * 3600 * 1000);

      // Redeliver: the same id again, now, and the log shows the new attempt.
      const redelivered = await jsonRequest(t, `/api/webhook-endpoints/${ep2.id}/deliveries/${id2}/redeliver`, {
        ...as(owner),
        method: "POST",
      });
      expect(redelivered.status).toBe(200);
      const r = (await redelivered.json()) as WebhookDelivery;
      expect(r.id).toBe(id2);
      expect(r.attempts).toBe(last!.attempts + 1);
      expect(down.received.at(-1)!.headers["image-studio-delivery"]).toBe(id2);
      expect(
        (
          await jsonRequest(t, `/api/webhook-endpoints/${ep2.id}/deliveries/${id2}/redeliver`, {
            ...as(other),
            method: "POST",
          })
        ).status,
      ).toBe(404);
    } finally {
      await flaky.close();
      await down.close();
    }
  });

  it("the test button sends a signed webhook.test delivery now and answers with its log entry", async () => {
    const ep = await createEndpoint(receiver.url);
    const res = await jsonRequest(t, `/api/webhook-endpoints/${ep.id}/test`, { ...as(owner), method: "POST" });
    expect(res.status).toBe(200);
    const d = (await res.json()) as WebhookDelivery;
    expect(d).toMatchObject({ event: "webhook.test", status: "succeeded", responseStatus: 200, attempts: 1 });
    const got = receiver.received.at(-1)!;
    expect(got.headers["image-studio-delivery"]).toBe(d.id);
    const ts = Number(/t=(\d+)/.exec(String(got.headers["image-studio-signature"]))![1]);
    expect(verifySignature(ep.secret, String(got.headers["image-studio-signature"]), got.body, ts)).toBe(true);
  });

  it("deleting an endpoint removes its queued deliveries", async () => {
    const ep = await createEndpoint(receiver.url);
    const id = await emitFor(ep, "job.completed", {});
    await jsonRequest(t, `/api/webhook-endpoints/${ep.id}`, { ...as(owner), method: "DELETE" });
    expect(await t.deps.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id))).toEqual([]);
  });
});

describe("outgoing webhooks: SSRF guard", () => {
  it("refuses private, loopback and link-local targets without WEBHOOK_ALLOW_PRIVATE_TARGETS", async () => {
    const strict = await createTestApp();
    try {
      const u = await signUp(strict);
      for (const url of [
        receiver.url,
        "http://localhost:8080/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/h",
        "http://192.168.1.1/h",
        "http://[::1]:8080/h",
        "http://[::ffff:127.0.0.1]/h",
        "http://[fe80::1]/h",
        "http://0.0.0.0/h",
      ]) {
        const res = await jsonRequest(strict, "/api/webhook-endpoints", {
          cookie: u.cookie,
          ip: u.ip,
          body: { url, events: ["job.completed"] },
        });
        expect(res.status, url).toBe(400);
        const body = (await res.json()) as { error: { code: string; details: { issues: { path: string[] }[] } } };
        expect(body.error.code).toBe("VALIDATION_FAILED");
        expect(body.error.details.issues[0]!.path).toEqual(["url"]);
      }
      // An endpoint saved while allowed (or whose address changed) is refused again when the delivery connects.
      const ep = await createEndpoint(receiver.url);
      const owned = await emitFor(ep, "job.completed", { jobId: "ssrf" }, strict);
      const before = receiver.received.length;
      await deliverDue(strict.deps, { ids: [owned] });
      const [row] = await strict.deps.database.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, owned));
      expect(row!.error).toMatch(/private, loopback or link-local/);
      expect(row!.responseStatus).toBeNull();
      expect(receiver.received.length).toBe(before);
    } finally {
      await strict.close();
    }
  });
});
