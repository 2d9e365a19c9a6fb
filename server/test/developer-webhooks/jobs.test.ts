import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "../../src/db/schema";
import { deliverDue } from "../../src/modules/developer-webhooks/deliver";
import { waitFor } from "../factories";
import { jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { startWithWorker } from "../iteration/helpers";
import { startReceiver } from "./receiver";

let t: TestApp;
let stop: () => Promise<void>;
let u: SignedUpUser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  ({ t, stop } = await startWithWorker({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" }));
  u = await signUp(t);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await stop?.();
});

describe("job.completed is queued when a job finishes", () => {
  it("a local-engine generation queues one job.completed delivery with its images, in the job's transaction", async () => {
    const ep = await jsonRequest(t, "/api/webhook-endpoints", {
      cookie: u.cookie,
      ip: u.ip,
      body: { url: receiver.url, events: ["job.completed"] },
    });
    const { id: endpointId } = (await ep.json()) as { id: string };
    const res = await jsonRequest(t, "/api/generate/text-to-image", {
      cookie: u.cookie,
      ip: u.ip,
      body: { prompt: "a lighthouse", modelId: "local/sketch" },
    });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string };
    const db = t.deps.database.db;
    const row = await waitFor(
      async () =>
        (
          await db
            .select()
            .from(webhookDeliveries)
            .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.event, "job.completed")))
        )[0],
    );
    const status = (await (
      await jsonRequest(t, `/api/generate/queue/${job.id}`, { cookie: u.cookie, ip: u.ip })
    ).json()) as { status: string; imageIds: string[] };
    expect(status.status).toBe("completed");
    expect(row.payload).toMatchObject({
      jobId: job.id,
      operation: "text-to-image",
      modelId: "local/sketch",
      imageIds: status.imageIds,
    });
    expect(await deliverDue(t.deps, { ids: [row.id] })).toBe(1);
    const got = receiver.received.find((r) => r.headers["image-studio-delivery"] === row.id)!;
    expect(JSON.parse(got.body)).toMatchObject({ type: "job.completed", data: { jobId: job.id } });
  });
});
