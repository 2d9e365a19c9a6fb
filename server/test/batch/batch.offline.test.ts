import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationBatches } from "../../src/db/schema";
import { mid, syncUser } from "../../src/modules/sync/sync.testing";
import { createTestApp, type TestApp } from "../harness";
import { balance, batchJobs, MODEL } from "./helpers";

describe("a batch composed offline (the outbox's batch.enqueue)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("is queued on reconnect, once however often the outbox replays it, with one hold", async () => {
    const s = await syncUser(t);
    const mutation = { id: mid(), type: "batch.enqueue", request: { name: "Offline", modelId: MODEL, prompts: ["an owl", "a hare"], seeds: [1, 2] } };
    const [first] = await s.push([mutation]);
    expect(first).toMatchObject({ status: "applied", entityId: expect.any(String) });
    const credits = await balance(t, s.id);
    const [second] = await s.push([mutation]);
    expect(second).toEqual(first);
    const rows = await t.deps.database.db.select().from(generationBatches).where(eq(generationBatches.userId, s.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first!.entityId, clientId: mutation.id, total: 4 });
    expect(await batchJobs(t, rows[0]!.id)).toHaveLength(4);
    expect(await balance(t, s.id)).toBe(credits);
  });

  it("is refused with the reason when it cannot run (a bad CSV row)", async () => {
    const s = await syncUser(t);
    const [r] = await s.push([{ id: mid(), type: "batch.enqueue", request: { modelId: MODEL, csv: "prompt,seed\nok,1\n,2\n" } }]);
    expect(r).toMatchObject({ status: "rejected", error: { code: "VALIDATION_FAILED", message: expect.stringMatching(/^Row 2, prompt/) } });
  });
});
