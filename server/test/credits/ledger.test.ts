import type {
  ActivityItem,
  CreditHistoryItem,
  CreditHistoryPage,
  Job,
  UsageByModel,
  UsageByProject,
  UsageDay,
  UsageMonth,
  UsageStats,
} from "@image-studio/shared";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { ctxFor, waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";

/**
 * The usage and credit figures reconcile with the ledger exactly: after generations that complete, fail and are
 * cancelled, the history adds up to the balance, each entry's balanceAfter chains to the next, and every figure
 * (stats, daily, monthly, by model, by project, the CSV) adds up to the same credits spent.
 */
describe("usage and credits reconcile with the ledger", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let worker: Worker;
  const get = async <T>(path: string): Promise<T> => {
    const res = await jsonRequest(t, path, { cookie: u.cookie, ip: u.ip });
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return (await res.json()) as T;
  };
  const jobIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    u = await signUp(t);
    const project = randomUUID();
    const made = await jsonRequest(t, "/api/projects", {
      cookie: u.cookie,
      ip: u.ip,
      body: { id: project, name: "Harbour" },
    });
    expect(made.status).toBe(201);
    const post = async (body: Record<string, unknown>) => {
      const res = await jsonRequest(t, "/api/generate/text-to-image", { cookie: u.cookie, ip: u.ip, body });
      expect(res.status).toBe(202);
      return ((await res.json()) as Job).id;
    };
    jobIds.loose = await post({
      prompt: "a lighthouse at dusk",
      modelId: "local/sketch-fast",
      parameters: { width: 256, height: 256, numImages: 2 },
    });
    jobIds.project = await post({
      prompt: "a harbour crane",
      modelId: "local/sketch",
      parameters: { width: 256, height: 256, numImages: 1 },
      projectId: project,
    });
    // A job cancelled before it runs: held, then refunded in full.
    jobIds.cancelled = await post({
      prompt: "never mind",
      modelId: "local/sketch-fast",
      parameters: { width: 256, height: 256, numImages: 3 },
    });
    expect(
      (
        await jsonRequest(t, `/api/generate/queue/${jobIds.cancelled}`, {
          method: "DELETE",
          cookie: u.cookie,
          ip: u.ip,
        })
      ).status,
    ).toBe(200);
    // A derived job whose source does not exist: it fails for good and is refunded.
    const ctx = ctxFor(t.deps, { id: u.user.id, email: u.email, name: u.user.name, role: u.user.role });
    const bad = await generation.enqueue(ctx, {
      operation: "image-to-image",
      prompt: "from nothing",
      negativePrompt: "",
      modelId: "local/sketch",
      parameters: { width: 256, height: 256, numImages: 1 },
      inputs: { sourceImageId: randomUUID() },
    });
    jobIds.failed = bad.job.id;
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 4, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    worker.start();
    await waitFor(async () => {
      const rows = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, u.user.id));
      return rows.length === 4 && rows.every((r) => ["completed", "failed", "cancelled"].includes(r.status));
    }, 30_000);
    await worker.stop();
  });
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  async function allHistory(query = ""): Promise<CreditHistoryItem[]> {
    const items: CreditHistoryItem[] = [];
    let cursor: string | null = null;
    do {
      const page: CreditHistoryPage = await get(
        `/api/credits/history?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it("history pages add up to the balance, and every balanceAfter chains to the next entry", async () => {
    const { balance } = await get<{ balance: number }>("/api/credits/balance");
    const items = await allHistory();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // The account started at 0: the ledger explains the whole balance.
    expect(items.reduce((s, i) => s + i.amount, 0)).toBe(balance);
    expect(items[0]!.balanceAfter).toBe(balance);
    for (let k = 0; k + 1 < items.length; k++)
      expect(items[k]!.balanceAfter - items[k]!.amount).toBe(items[k + 1]!.balanceAfter);
    expect(items.at(-1)!.balanceAfter - items.at(-1)!.amount).toBe(0);
    expect(items.map((i) => i.kind).sort()).toEqual(["grant", "hold", "hold", "hold", "hold", "refund", "refund"]);
    // Holds link to their job, and a completed job's hold to its first image.
    const hold = items.find((i) => i.kind === "hold" && i.jobId === jobIds.loose)!;
    expect(hold.modelId).toBe("local/sketch-fast");
    expect(hold.imageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(items.find((i) => i.kind === "refund" && i.jobId === jobIds.failed)?.reason).toMatch(/failed/);
    expect(items.find((i) => i.kind === "refund" && i.jobId === jobIds.cancelled)?.reason).toMatch(/cancel/);
  });

  it("filters the history by kind and by date", async () => {
    const refunds = await allHistory("&kind=refund");
    expect(refunds).toHaveLength(2);
    expect(refunds.every((r) => r.kind === "refund")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(await allHistory(`&from=${today}&to=${today}`)).toHaveLength(7);
    expect(await allHistory("&from=2001-01-01&to=2001-12-31")).toHaveLength(0);
    const bad = await jsonRequest(t, "/api/credits/history?from=2020-02-01&to=2020-01-01", {
      cookie: u.cookie,
      ip: u.ip,
    });
    expect(bad.status).toBe(400);
    const cursor = await jsonRequest(t, "/api/credits/history?cursor=not-a-cursor", { cookie: u.cookie, ip: u.ip });
    expect(cursor.status).toBe(400);
  });

  it("every usage figure adds up to the same credits spent", async () => {
    const { balance } = await get<{ balance: number }>("/api/credits/balance");
    const items = await allHistory();
    const spent = -items.filter((i) => i.kind === "hold" || i.kind === "refund").reduce((s, i) => s + i.amount, 0);
    const granted = items.filter((i) => i.kind === "grant").reduce((s, i) => s + i.amount, 0);
    expect(spent).toBe(granted - balance);
    expect(spent).toBeGreaterThan(0);
    const stats = await get<UsageStats>("/api/usage/stats");
    expect(stats).toMatchObject({
      creditsSpent: spent,
      creditsSpentThisMonth: spent,
      images: 3,
      imagesThisMonth: 3,
      projects: 1,
      balance,
    });
    expect(stats.storageBytes).toBeGreaterThan(0);
    const daily = await get<{ items: UsageDay[] }>("/api/usage/daily?days=7");
    expect(daily.items).toHaveLength(7);
    expect(daily.items.at(-1)!.date).toBe(new Date().toISOString().slice(0, 10));
    expect(daily.items.reduce((s, d) => s + d.credits, 0)).toBe(spent);
    expect(daily.items.reduce((s, d) => s + d.images, 0)).toBe(3);
    const monthly = await get<{ items: UsageMonth[] }>("/api/usage/monthly?months=3");
    expect(monthly.items.map((m) => m.month).at(-1)).toBe(new Date().toISOString().slice(0, 7));
    expect(monthly.items.reduce((s, m) => s + m.credits, 0)).toBe(spent);
    const byModel = await get<{ items: UsageByModel[] }>("/api/usage/by-model");
    expect(byModel.items.reduce((s, m) => s + m.credits, 0)).toBe(spent);
    expect(byModel.items.find((m) => m.modelId === "local/sketch-fast")).toMatchObject({
      images: 2,
      credits: 2,
      modelName: expect.any(String),
    });
    const byProject = await get<{ items: UsageByProject[] }>("/api/usage/by-project");
    expect(byProject.items.reduce((s, p) => s + p.credits, 0)).toBe(spent);
    expect(byProject.items.find((p) => p.projectName === "Harbour")).toMatchObject({ images: 1, credits: 1 });
  });

  it("exports the same ledger as CSV, every entry once", async () => {
    const res = await jsonRequest(t, "/api/credits/history.csv", { cookie: u.cookie, ip: u.ip });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="credit-history-/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("id,createdAt,kind,amount,balanceAfter,reason,modelId,jobId,imageId");
    const items = await allHistory();
    expect(lines).toHaveLength(items.length + 1);
    const amountCol = lines.slice(1).map((l) => Number(l.split(",")[3]));
    expect(amountCol.reduce((s, n) => s + n, 0)).toBe(items.reduce((s, i) => s + i.amount, 0));
    const refunds = await jsonRequest(t, "/api/credits/history.csv?kind=refund", { cookie: u.cookie, ip: u.ip });
    expect((await refunds.text()).trim().split("\r\n")).toHaveLength(3);
  });

  it("feeds the dashboard: activity, model status, cost comparison and tips from the user's own jobs", async () => {
    const { items: activity } = await get<{ items: ActivityItem[] }>("/api/activity?limit=10");
    const generated = activity.filter((a) => a.type === "generated");
    expect(generated).toHaveLength(2);
    expect(generated.map((g) => g.title)).toContain(
      "Generated 2 images with " + (await t.deps.catalog.get("local/sketch-fast"))!.displayName,
    );
    expect(generated[0]!.link).toBe(`/images/${generated[0]!.imageId}`);
    const status = await get<{ items: { modelId: string; status: string }[] }>("/api/models/status");
    expect(status.items.find((m) => m.modelId === "local/sketch-fast")?.status).toBe("available");
    const compare = await get<{
      settings: { width: number; height: number; basedOnJobs: number };
      items: { modelId: string; credits: number; usedByYou: boolean }[];
    }>("/api/usage/compare");
    // Two runs, 2 images and 1: a tie goes to the most recent (1 image), at the size both used.
    expect(compare.settings).toEqual({ width: 256, height: 256, numImages: 1, basedOnJobs: 2 });
    expect(compare.items.find((m) => m.modelId === "local/sketch-fast")).toMatchObject({ credits: 1, usedByYou: true });
    expect(compare.items.map((m) => m.credits)).toEqual([...compare.items.map((m) => m.credits)].sort((a, b) => a - b));
    const tips = await get<{ items: { id: string }[] }>("/api/usage/tips");
    expect(tips.items.map((x) => x.id)).toContain("set-limit");
  });

  it("shows nothing of one user's figures to another", async () => {
    const other = await signUp(t);
    const res = await jsonRequest(t, "/api/credits/history", { cookie: other.cookie, ip: other.ip });
    const page = (await res.json()) as CreditHistoryPage;
    expect(page.items.map((i) => i.kind)).toEqual(["grant"]);
    const stats = (await (
      await jsonRequest(t, "/api/usage/stats", { cookie: other.cookie, ip: other.ip })
    ).json()) as UsageStats;
    expect(stats).toMatchObject({ creditsSpent: 0, images: 0 });
  });
});
