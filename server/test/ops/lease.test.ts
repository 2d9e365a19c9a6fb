import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../../src/bootstrap";
import { generationQueue } from "../../src/db/schema";
import { parseEnv } from "../../src/env";
import { claimNext, queueSortKey } from "../../src/jobs/queue.repo";
import type { Worker } from "../../src/jobs/worker";
import { LocalProvider } from "../../src/providers/local";
import { ProviderRegistry } from "../../src/providers/registry";
import { createUser, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";
import { isolatedDatabase } from "./databases";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "lease-env-"));

describe("lease and heartbeat settings", () => {
  it("default to a heartbeat every few seconds and a lease of a small multiple of it", () => {
    const env = parseEnv({ DATA_DIR: tmp() });
    expect(env.WORKER_HEARTBEAT_MS).toBe(5000);
    expect(env.WORKER_LEASE_MS).toBe(15_000);
    expect(parseEnv({ DATA_DIR: tmp(), WORKER_LEASE_MS: "4000", WORKER_HEARTBEAT_MS: "1000" })).toMatchObject({
      WORKER_LEASE_MS: 4000,
      WORKER_HEARTBEAT_MS: 1000,
    });
  });

  it("refuse a lease shorter than two heartbeats, naming the key", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), WORKER_LEASE_MS: "5000", WORKER_HEARTBEAT_MS: "4000" })).toThrow(
      /WORKER_LEASE_MS must be at least twice WORKER_HEARTBEAT_MS/,
    );
    expect(() => parseEnv({ DATA_DIR: tmp(), WORKER_LEASE_MS: "soon" })).toThrow(
      /^Invalid configuration: WORKER_LEASE_MS/,
    );
  });
});

describe("leases on the queue", () => {
  let t: TestApp;
  let worker: Worker | undefined;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp({ WORKER_LEASE_MS: "1000", WORKER_HEARTBEAT_MS: "200", USER_CONCURRENCY: "1" }, { ownDatabase: true });
    // Claims take any user's job: a database of this file's own, so no other file's jobs are claimed (or counted).
    const isolated = await isolatedDatabase();
    t.deps.database = isolated.database;
    drop = isolated.drop;
  });
  afterAll(async () => {
    await worker?.stop(5000);
    await drop();
    await t.close();
  });

  const insertJob = async (userId: string, over: Partial<typeof generationQueue.$inferInsert> = {}) => {
    const [row] = await t.deps.database.db
      .insert(generationQueue)
      // As the queue's own insert does: the line order (sort key) follows the priority.
      .values({ userId, modelId: "local/sketch-fast", provider: "local", prompt: "lease test", sortKey: queueSortKey(over.priority ?? 0, Date.now()), ...over })
      .returning();
    return row!;
  };

  it("an expired-lease job (its worker died) does not count against the user's concurrency limit", async () => {
    const user = await createUser(t.deps);
    // The user's only slot is held by a job whose worker stopped renewing: its lease ran out.
    const orphan = await insertJob(user.id, {
      status: "processing",
      leaseOwner: "dead-worker",
      leaseExpiresAt: sql`now() - interval '1 second'` as unknown as Date,
    });
    const next = await insertJob(user.id, { priority: 5 });
    const claimed = await claimNext(t.deps.database.db, "live-worker", 5000, 1);
    expect(claimed?.id).toBe(next.id);
    // Now the slot is really taken: the orphan waits for it rather than running beside it.
    expect(await claimNext(t.deps.database.db, "live-worker-2", 5000, 1)).toBeNull();
    const [orphanRow] = await t.deps.database.db
      .select()
      .from(generationQueue)
      .where(eq(generationQueue.id, orphan.id));
    expect(orphanRow!.leaseOwner).toBe("dead-worker");
    await t.deps.database.db
      .update(generationQueue)
      .set({ status: "cancelled", leaseOwner: null, leaseExpiresAt: null })
      .where(eq(generationQueue.userId, user.id));
  });

  it("a worker started from the environment holds its jobs under WORKER_LEASE_MS, renewed every heartbeat", async () => {
    t.deps.providers = new ProviderRegistry(new LocalProvider({ stepMs: 150 }), undefined);
    const user = await createUser(t.deps);
    const job = await insertJob(user.id, { parameters: { width: 256, height: 256, numImages: 1, seed: 1 } });
    worker = startWorker(t.deps);
    const q = generationQueue;
    const within = sql<boolean>`${q.leaseExpiresAt} <= now() + interval '1000 milliseconds' and ${q.leaseExpiresAt} > now() - interval '1000 milliseconds'`;
    // Seen while the job runs: its lease never reaches past the configured length (the old fixed lease was 30 s).
    const seen = await waitFor(
      async () => {
        const [row] = await t.deps.database.db.select({ status: q.status, within }).from(q).where(eq(q.id, job.id));
        return row?.status === "processing" ? row : null;
      },
      15_000,
      10,
    );
    expect(seen.within).toBe(true);
    const [done] = await waitFor(async () => {
      const rows = await t.deps.database.db.select().from(q).where(eq(q.id, job.id));
      return rows[0]?.status === "completed" ? rows : null;
    }, 30_000);
    expect(done!.leaseOwner).toBeNull();
  });
});
