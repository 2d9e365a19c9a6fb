import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, TEST_ORIGIN, type SignedUpUser, type TestApp } from "../harness";

const SECRET = "whsec_test_0123456789abcdef";
const signer = new Stripe("sk_test_signer_only");

/** A stand-in for Stripe's API on this machine: answers checkout session creation and records what it was sent. */
function fakeStripeApi() {
  const received: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
        received.push(new URLSearchParams(body));
        res.writeHead(200, { "Content-Type": "application/json", "Request-Id": "req_test" });
        res.end(
          JSON.stringify({
            id: "cs_test_1",
            object: "checkout.session",
            url: "https://checkout.stripe.test/c/pay/cs_test_1",
          }),
        );
        return;
      }
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "Unrecognized request URL" } }));
    });
  });
  return { server, received };
}

describe("Stripe Checkout top-ups", () => {
  let api: ReturnType<typeof fakeStripeApi>;
  let t: TestApp;
  let u: SignedUpUser;
  beforeAll(async () => {
    api = fakeStripeApi();
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    const port = (api.server.address() as AddressInfo).port;
    t = await createTestApp({
      STRIPE_SECRET_KEY: "sk_test_configured",
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_URL: `http://127.0.0.1:${port}`,
    });
    u = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => (api.server as Server).close(r));
  });

  const deliver = (event: unknown, secret = SECRET) => {
    const payload = JSON.stringify(event);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret });
    return t.request("/api/webhooks/stripe", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": header, Origin: "https://stripe.com" },
      body: payload,
    });
  };
  const paidEvent = (
    over: { id?: string; type?: string; session?: string; paid?: boolean; userId?: string; credits?: string } = {},
  ) => ({
    id: over.id ?? `evt_${randomUUID()}`,
    object: "event",
    type: over.type ?? "checkout.session.completed",
    data: {
      object: {
        id: over.session ?? `cs_${randomUUID()}`,
        object: "checkout.session",
        payment_status: over.paid === false ? "unpaid" : "paid",
        amount_total: 500,
        client_reference_id: over.userId ?? u.user.id,
        metadata: { userId: over.userId ?? u.user.id, credits: over.credits ?? "5000", pack: "small" },
      },
    },
  });
  const balance = async () =>
    (
      (await (await jsonRequest(t, "/api/credits/balance", { cookie: u.cookie, ip: u.ip })).json()) as {
        balance: number;
      }
    ).balance;

  it("offers the packs and opens a checkout session carrying the user and the credits", async () => {
    const offers = await (await jsonRequest(t, "/api/credits/offers", { cookie: u.cookie, ip: u.ip })).json();
    expect(offers).toMatchObject({
      checkout: true,
      packs: [{ id: "small", credits: 5000, priceCents: 500 }, { id: "medium" }, { id: "large" }],
    });
    const res = await jsonRequest(t, "/api/credits/checkout", { cookie: u.cookie, ip: u.ip, body: { pack: "small" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: "https://checkout.stripe.test/c/pay/cs_test_1" });
    const sent = api.received.at(-1)!;
    expect(sent.get("mode")).toBe("payment");
    expect(sent.get("metadata[userId]")).toBe(u.user.id);
    expect(sent.get("metadata[credits]")).toBe("5000");
    expect(sent.get("line_items[0][price_data][unit_amount]")).toBe("500");
    expect(sent.get("success_url")).toBe(`${TEST_ORIGIN}/usage?checkout=success`);
    expect(
      (await jsonRequest(t, "/api/credits/checkout", { cookie: u.cookie, ip: u.ip, body: { pack: "huge" } })).status,
    ).toBe(400);
  });

  it("refuses a webhook without a valid signature and credits nothing", async () => {
    const before = await balance();
    expect((await deliver(paidEvent(), "whsec_someone_else_entirely")).status).toBe(400);
    const unsigned = await t.request("/api/webhooks/stripe", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(paidEvent()),
    });
    expect(unsigned.status).toBe(400);
    // A valid signature over a different body (tampered amount).
    const payload = JSON.stringify(paidEvent());
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = await t.request("/api/webhooks/stripe", {
      method: "POST",
      headers: { "Stripe-Signature": header },
      body: payload.replace('"5000"', '"9000000"'),
    });
    expect(tampered.status).toBe(400);
    expect(await balance()).toBe(before);
  });

  it("credits a paid session once, however often and by whichever event it arrives", async () => {
    const before = await balance();
    const session = `cs_${randomUUID()}`;
    const event = paidEvent({ session });
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, credited: 5000, duplicate: false });
    expect(await balance()).toBe(before + 5000);
    const again = await Promise.all([
      deliver(event),
      deliver(event),
      deliver(paidEvent({ session, type: "checkout.session.async_payment_succeeded" })),
    ]);
    for (const r of again) expect(await r.json()).toMatchObject({ credited: 0, duplicate: true });
    expect(await balance()).toBe(before + 5000);
    const history = (await (
      await jsonRequest(t, "/api/credits/history?kind=purchase", { cookie: u.cookie, ip: u.ip })
    ).json()) as { items: { amount: number }[] };
    expect(history.items.map((i) => i.amount)).toEqual([5000]);
    const bell = await t.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, u.user.id), eq(notifications.kind, "credits.granted")));
    expect(bell).toHaveLength(1);
  });

  it("ignores unpaid sessions, other events and sessions that are not ours", async () => {
    const before = await balance();
    for (const e of [
      paidEvent({ paid: false }),
      paidEvent({ type: "customer.created" }),
      paidEvent({ credits: "-5" }),
      paidEvent({ userId: "not-a-user" }),
    ]) {
      const r = await deliver(e);
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ credited: 0 });
    }
    expect(await balance()).toBe(before);
  });
});

describe("Stripe absent", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("offers nothing and answers 404 for checkout and the webhook", async () => {
    const u = await signUp(t);
    expect(await (await jsonRequest(t, "/api/credits/offers", { cookie: u.cookie, ip: u.ip })).json()).toEqual({
      checkout: false,
      packs: [],
    });
    expect(
      (await jsonRequest(t, "/api/credits/checkout", { cookie: u.cookie, ip: u.ip, body: { pack: "small" } })).status,
    ).toBe(404);
    const payload = JSON.stringify({ id: "evt_1", type: "checkout.session.completed" });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect(
      (
        await t.request("/api/webhooks/stripe", {
          method: "POST",
          headers: { "Stripe-Signature": header },
          body: payload,
        })
      ).status,
    ).toBe(404);
  });
});
