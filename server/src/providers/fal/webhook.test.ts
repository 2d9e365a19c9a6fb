import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeFal, startFakeFal } from "../../../test/fake-fal";
import { providerInput, runToCompletion } from "../../../test/fake-fal/helpers";
import { WebhookSigner } from "../../../test/fake-fal/signer";
import { FalProvider } from "./provider";
import { checkFalWebhook, type JwksProvider, JwksCache, parseWebhookBody, verifyFalWebhook } from "./webhook";

let fake: FakeFal;
beforeAll(async () => {
  fake = await startFakeFal();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const body = Buffer.from(
  JSON.stringify({ request_id: "req-1", gateway_request_id: "req-1", status: "OK", payload: { images: [] } }),
);
const nowS = () => Math.floor(Date.now() / 1000);
const jwksFetches = () => fake.requests.filter((r) => r.path === "/.well-known/jwks.json").length;

describe("verifyFalWebhook", () => {
  it("accepts a correctly signed delivery (keys from the JWKS URL)", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const headers = fake.signWebhook(body, { requestId: "req-1" });
    expect(await checkFalWebhook(body, headers, jwks)).toMatchObject({
      ok: true,
      requestId: "req-1",
      userId: "fake-user",
    });
    // a Headers object and upper-case names work too
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await verifyFalWebhook(body, upper, jwks)).toBe(true);
    expect(await verifyFalWebhook(body, new Headers(headers), jwks)).toBe(true);
  });

  it("rejects a tampered body", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const headers = fake.signWebhook(body, { requestId: "req-1" });
    const tampered = Buffer.from(body.toString().replace('"OK"', '"ERROR"'));
    expect(await checkFalWebhook(tampered, headers, jwks)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a header swapped to another request id", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const headers = { ...fake.signWebhook(body, { requestId: "req-1" }), "x-fal-webhook-request-id": "req-2" };
    expect(await verifyFalWebhook(body, headers, jwks)).toBe(false);
  });

  it("rejects timestamps more than 300 s away, even when correctly signed", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const old = fake.signWebhook(body, { requestId: "req-1", timestamp: nowS() - 301 });
    expect(await checkFalWebhook(body, old, jwks)).toEqual({ ok: false, reason: "stale_timestamp" });
    const future = fake.signWebhook(body, { requestId: "req-1", timestamp: nowS() + 301 });
    expect(await checkFalWebhook(body, future, jwks)).toEqual({ ok: false, reason: "stale_timestamp" });
    const edge = fake.signWebhook(body, { requestId: "req-1", timestamp: nowS() - 290 });
    expect(await verifyFalWebhook(body, edge, jwks)).toBe(true);
  });

  it("rejects a signature from a key that is not in the JWKS", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const stranger = new WebhookSigner().headers(body, { requestId: "req-1", userId: "fake-user" });
    expect(await checkFalWebhook(body, stranger, jwks)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects missing or malformed headers", async () => {
    const jwks = new JwksCache({ url: fake.jwksUrl });
    const headers = fake.signWebhook(body, { requestId: "req-1" });
    const { "x-fal-webhook-signature": _sig, ...noSig } = headers;
    expect(await checkFalWebhook(body, noSig, jwks)).toEqual({ ok: false, reason: "missing_headers" });
    expect(await checkFalWebhook(body, { ...headers, "x-fal-webhook-timestamp": "soon" }, jwks)).toEqual({
      ok: false,
      reason: "bad_timestamp",
    });
    expect(await checkFalWebhook(body, { ...headers, "x-fal-webhook-signature": "zz" }, jwks)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("tries every key in the set", async () => {
    const signer = new WebhookSigner();
    const other = new WebhookSigner();
    const keys: JwksProvider = { getKeys: async () => [...other.jwks().keys, ...signer.jwks().keys] };
    expect(await verifyFalWebhook(body, signer.headers(body, { requestId: "r", userId: "u" }), keys)).toBe(true);
  });
});

describe("JwksCache", () => {
  it("caches keys for ~24 h, then fetches again", async () => {
    let clock = 1_000_000;
    const jwks = new JwksCache({ url: fake.jwksUrl, now: () => clock });
    await jwks.getKeys();
    await jwks.getKeys();
    expect(jwksFetches()).toBe(1);
    clock += 24 * 3600_000 + 1;
    await jwks.getKeys();
    expect(jwksFetches()).toBe(2);
  });

  it("refetches once when fal rotated its key, and rate-limits refetches", async () => {
    let clock = 1_000_000;
    const jwks = new JwksCache({ url: fake.jwksUrl, now: () => clock, minRefreshIntervalMs: 60_000 });
    await jwks.getKeys(); // cached: the current key
    fake.rotateWebhookKey();
    clock += 61_000;
    expect(await verifyFalWebhook(body, fake.signWebhook(body, { requestId: "req-1" }), jwks)).toBe(true);
    expect(jwksFetches()).toBe(2);
    // A stranger's signature right after: no refetch within the interval.
    const stranger = new WebhookSigner().headers(body, { requestId: "req-1", userId: "u" });
    expect(await verifyFalWebhook(body, stranger, jwks)).toBe(false);
    expect(jwksFetches()).toBe(2);
    clock += 61_000;
    expect(await verifyFalWebhook(body, stranger, jwks)).toBe(false);
    expect(jwksFetches()).toBe(3);
  });

  it("keeps stale keys when a refetch fails; throws when it has none", async () => {
    let clock = 0;
    let up = true;
    const flaky = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      up ? fetch(input, init) : new Response("down", { status: 503 })) as typeof fetch;
    const jwks = new JwksCache({ url: fake.jwksUrl, now: () => clock, fetch: flaky });
    const keys = await jwks.getKeys();
    up = false;
    clock += 25 * 3600_000;
    expect(await jwks.getKeys()).toEqual(keys);
    const empty = new JwksCache({ url: fake.jwksUrl, fetch: flaky });
    await expect(empty.getKeys()).rejects.toThrow(/HTTP 503/);
  });
});

describe("parseWebhookBody", () => {
  it("reads OK, ERROR and unserialisable-payload deliveries", () => {
    expect(
      parseWebhookBody({ request_id: "a", gateway_request_id: "a", status: "OK", payload: { images: [] } }),
    ).toMatchObject({ request_id: "a", status: "OK" });
    expect(
      parseWebhookBody({
        request_id: "a",
        status: "ERROR",
        error: "Invalid status code: 422",
        payload: { detail: [] },
      }),
    ).toMatchObject({ error: "Invalid status code: 422" });
    expect(
      parseWebhookBody({ request_id: "a", status: "OK", payload: null, payload_error: "too large" }),
    ).toMatchObject({ payload: null, payload_error: "too large" });
  });

  it("rejects other shapes", () => {
    expect(() => parseWebhookBody({ status: "OK" })).toThrow();
    expect(() => parseWebhookBody({ request_id: "a", status: "DONE" })).toThrow();
    expect(() => parseWebhookBody("nope")).toThrow();
  });
});

describe("webhook delivery end to end", () => {
  let receiver: Server;
  let receiverUrl = "";
  const received: { raw: Buffer; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ raw: Buffer.concat(chunks), headers: req.headers as Record<string, string> });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/fal`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it("submit passes fal_webhook; the signed delivery verifies and parses", async () => {
    const fal = new FalProvider({ key: fake.key, queueUrl: fake.url, webhookUrl: receiverUrl });
    const { requestId } = await fal.submit(providerInput("fal-ai/flux/schnell", "text-to-image"));
    expect(fake.submits().at(-1)?.webhook).toBe(receiverUrl);
    const delivery = await fake.waitForWebhook(requestId);
    expect(delivery.status).toBe(200);
    const got = received.find((r) => r.headers["x-fal-webhook-request-id"] === requestId)!;
    expect(await verifyFalWebhook(got.raw, got.headers, new JwksCache({ url: fake.jwksUrl }))).toBe(true);
    const parsed = parseWebhookBody(JSON.parse(got.raw.toString()));
    expect(parsed).toMatchObject({ request_id: requestId, status: "OK" });
    expect((parsed.payload as { images: unknown[] }).images).toHaveLength(1);
  });

  it("a failed job is delivered as ERROR with the error payload", async () => {
    const fal = new FalProvider({ key: fake.key, queueUrl: fake.url });
    fake.failNext({ at: "job", status: 422 });
    const { requestId } = await fal.submit(providerInput("fal-ai/flux/schnell", "text-to-image"), {
      webhookUrl: receiverUrl,
    });
    const delivery = await fake.waitForWebhook(requestId);
    expect(delivery.body).toMatchObject({
      request_id: requestId,
      status: "ERROR",
      error: "Invalid status code: 422",
      payload: { detail: [{ type: "value_error.missing" }] },
    });
    await expect(runToCompletion(fal, providerInput("fal-ai/flux/schnell", "text-to-image"))).resolves.toBeTruthy();
  });
});
