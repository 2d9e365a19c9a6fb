/**
 * startFakeFal(): a local fal-compatible server for tests. Point FalProvider (or FAL_QUEUE_URL) at `url`.
 *
 *   const fake = await startFakeFal();
 *   const provider = new FalProvider({ key: fake.key, queueUrl: fake.url });
 *   fake.failNext({ at: "result", status: 422, body: CONTENT_POLICY_DETAIL });
 *   ...
 *   await fake.close();
 */
import { FakeFalServer } from "./server";
import type { FakeFalOptions } from "./types";

export { CONTENT_POLICY_DETAIL, ENDPOINTS as FAKE_FAL_ENDPOINTS } from "./endpoints";
export type { FailurePoint, FakeFalOptions, FakeJob, InjectedFailure, RecordedRequest, WebhookDelivery } from "./types";
export { FakeFalServer };

export interface FakeFal {
  /** Base URL (use as FAL_QUEUE_URL / FalProvider queueUrl). */
  url: string;
  /** JWKS URL for webhook verification (FAL_JWKS_URL). */
  jwksUrl: string;
  /** A key the fake accepts. */
  key: string;
  server: FakeFalServer;
  requests: FakeFalServer["requests"];
  webhookDeliveries: FakeFalServer["webhookDeliveries"];
  /** Submits received so far: endpoint, input JSON, webhook URL. */
  submits(): { endpoint: string; input: unknown; webhook?: string; headers: Record<string, string> }[];
  failNext: FakeFalServer["failNext"];
  /** Drops injected failures not yet consumed. */
  clearFailures(): void;
  setDelays: FakeFalServer["setDelays"];
  advance: FakeFalServer["advance"];
  waitForWebhook: FakeFalServer["waitForWebhook"];
  putFile: FakeFalServer["putFile"];
  /** Signs a raw body the way the fake's webhooks are signed (for crafting test deliveries). */
  signWebhook(
    rawBody: Buffer | string,
    opts: { requestId: string; userId?: string; timestamp?: number },
  ): Record<string, string>;
  rotateWebhookKey(keepOld?: boolean): void;
  close(): Promise<void>;
}

export async function startFakeFal(opts: FakeFalOptions = {}): Promise<FakeFal> {
  const server = new FakeFalServer(opts);
  await server.listen(opts.port ?? 0);
  return {
    url: server.url,
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    key: (opts.keys ?? ["test-id:test-secret"])[0]!,
    server,
    requests: server.requests,
    webhookDeliveries: server.webhookDeliveries,
    submits: () =>
      server.requests
        .filter((r) => r.method === "POST" && !r.path.startsWith("/storage/") && !r.path.startsWith("/sync/"))
        .map((r) => ({ endpoint: r.path.slice(1), input: r.body, webhook: r.query.fal_webhook, headers: r.headers })),
    failNext: (f) => server.failNext(f),
    clearFailures: () => server.clearFailures(),
    setDelays: (d) => server.setDelays(d),
    advance: (id) => server.advance(id),
    waitForWebhook: (id, ms) => server.waitForWebhook(id, ms),
    putFile: (data, type, name) => server.putFile(data, type, name),
    signWebhook: (raw, o) =>
      server.signer.headers(raw, { requestId: o.requestId, userId: o.userId ?? server.userId, timestamp: o.timestamp }),
    rotateWebhookKey: (keepOld) => server.signer.rotate(keepOld),
    close: () => server.close(),
  };
}
