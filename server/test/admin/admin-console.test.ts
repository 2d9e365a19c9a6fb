import { randomUUID } from "node:crypto";
import type { AuditLogPage, UsageOverview } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, notifications, users } from "../../src/db/schema";
import * as generation from "../../src/modules/generation/generation.service";
import { createUser, ctxFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";

/** A fal model no other test runs: toggling it off for a moment disturbs nobody. */
const QUIET_MODEL = "fal-ai/face-to-sticker";

describe("admin console", () => {
  const adminEmail = `console-${randomUUID()}@example.test`;
  let t: TestApp;
  let admin: SignedUpUser;
  let user: SignedUpUser;
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_EMAILS: adminEmail });
    [admin, user] = await Promise.all([signUp(t, { email: adminEmail }), signUp(t)]);
  });
  afterAll(() => t.close());

  const call = (path: string, init: { method?: string; body?: unknown; as?: SignedUpUser | null } = {}) => {
    const who = init.as === undefined ? admin : init.as;
    return jsonRequest(t, path, { method: init.method, body: init.body, cookie: who?.cookie, ip: who?.ip });
  };
  const ok = async <T>(res: Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    const text = await r.text();
    expect(r.status, text.slice(0, 300)).toBe(status);
    return JSON.parse(text) as T;
  };
  /** This admin's entries for one target, oldest first. */
  const entries = async (targetId: string) => (await ok<AuditLogPage>(call(`/api/admin/audit-log?targetId=${encodeURIComponent(targetId)}&limit=100`))).items.reverse();

  it("keeps users (403) and visitors (401) out of every new admin route; admins get 200", async () => {
    const routes: [string, string, unknown?][] = [
      ["GET", "/api/admin/usage-overview"],
      ["GET", "/api/admin/audit-log"],
      ["GET", "/api/admin/jobs"],
      ["GET", `/api/admin/users/${user.user.id}/usage`],
      ["GET", "/api/admin/announcements"],
      ["POST", `/api/admin/jobs/${randomUUID()}/cancel`],
      ["POST", `/api/admin/jobs/${randomUUID()}/retry`],
      ["DELETE", `/api/admin/users/${randomUUID()}`],
      ["POST", "/api/admin/announcements", { modelId: "local/sketch", title: "x" }],
      ["DELETE", `/api/admin/announcements/${randomUUID()}`],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(path, { method, body, as: null })).status, `${method} ${path} anonymous`).toBe(401);
      expect((await call(path, { method, body, as: user })).status, `${method} ${path} user`).toBe(403);
    }
    for (const [, path] of routes.filter(([m]) => m === "GET")) expect((await call(path)).status, path).toBe(200);
    const overview = await ok<UsageOverview>(call("/api/admin/usage-overview?days=7"));
    expect(overview.days).toBe(7);
    expect(Object.keys(overview.jobsByStatus).sort()).toEqual(["cancelled", "completed", "failed", "pending", "processing"]);
    expect(overview.storage.bytes).toBeGreaterThanOrEqual(0);
    expect((await call("/api/admin/usage-overview?days=0")).status).toBe(400);
    expect((await call("/api/admin/audit-log?cursor=nope")).status).toBe(400);
  });

  it("writes an audit entry for every admin action, in order, with who did it", async () => {
    const target = await signUp(t);
    const id = target.user.id;
    await ok(call(`/api/admin/users/${id}`, { method: "PATCH", body: { role: "admin" } }));
    await ok(call(`/api/admin/users/${id}`, { method: "PATCH", body: { role: "user", isActive: false } }));
    await ok(call(`/api/admin/users/${id}`, { method: "PATCH", body: { isActive: true } }));
    await ok(call(`/api/admin/users/${id}/ban`, { body: { reason: "spam" } }));
    await ok(call(`/api/admin/users/${id}/unban`, { method: "POST" }));
    await ok(call(`/api/admin/users/${id}/credits`, { body: { amount: 25, note: "welcome gift" } }));
    await ok(call(`/api/admin/users/${id}/credits`, { body: { amount: -5, note: "correction" } }));
    // A refused change (taking more than the balance) leaves no entry.
    expect((await call(`/api/admin/users/${id}/credits`, { body: { amount: -1_000_000, note: "too much" } })).status).toBe(409);
    const log = await entries(id);
    expect(log.map((e) => e.action)).toEqual(["user.role", "user.role", "user.deactivate", "user.activate", "user.ban", "user.unban", "credits.grant", "credits.revoke"]);
    expect(log.every((e) => e.actorEmail === adminEmail && e.actorId === admin.user.id && e.targetType === "user")).toBe(true);
    expect(log[0]!.details).toMatchObject({ from: "user", to: "admin" });
    expect(log[4]!.details).toMatchObject({ reason: "spam" });
    expect(log[6]!.details).toMatchObject({ amount: 25, note: "welcome gift" });

    // Model toggles.
    await ok(call(`/api/admin/models/${QUIET_MODEL}/toggle`, { method: "PUT", body: { isActive: false } }));
    try {
      const status = await ok<{ items: { modelId: string; status: string }[] }>(call("/api/models/status", { as: user }));
      expect(status.items.find((m) => m.modelId === QUIET_MODEL)?.status).toBe("disabled");
    } finally {
      await ok(call(`/api/admin/models/${QUIET_MODEL}/toggle`, { method: "PUT", body: { isActive: true } }));
    }
    expect((await entries(QUIET_MODEL)).map((e) => e.action).slice(-2)).toEqual(["model.disable", "model.enable"]);

    // Filter by action (exact or a dotted prefix).
    const bans = await ok<AuditLogPage>(call(`/api/admin/audit-log?action=user.ban&targetId=${id}`));
    expect(bans.items.map((e) => e.action)).toEqual(["user.ban"]);
    const userActions = await ok<AuditLogPage>(call(`/api/admin/audit-log?action=user.&targetId=${id}&limit=2`));
    expect(userActions.items).toHaveLength(2);
    expect(userActions.nextCursor).not.toBeNull();
    const next = await ok<AuditLogPage>(call(`/api/admin/audit-log?action=user.&targetId=${id}&limit=10&cursor=${userActions.nextCursor}`));
    expect(next.items.map((e) => e.action)).toEqual(["user.activate", "user.deactivate", "user.role", "user.role"]);

    // Deleting the account: the row goes, the entry stays.
    await ok(call(`/api/admin/users/${id}`, { method: "DELETE" }));
    expect(await t.deps.database.db.select().from(users).where(eq(users.id, id))).toHaveLength(0);
    expect((await call(`/api/admin/users/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await entries(id)).at(-1)).toMatchObject({ action: "user.delete", details: { email: target.email } });
    expect((await call(`/api/admin/users/${admin.user.id}`, { method: "DELETE" })).status).toBe(400);
  });

  it("lists jobs across users, cancels one (refunded) and retries it as its owner, each audited", async () => {
    const owner = await createUser(t.deps, { credits: 300 });
    const { job } = await generation.enqueue(ctxFor(t.deps, owner), { operation: "text-to-image", prompt: "queue of the admin", negativePrompt: "", modelId: "local/sketch", parameters: { numImages: 1 } });
    const list = await ok<{ items: { id: string; userEmail: string; status: string }[] }>(call(`/api/admin/jobs?userId=${owner.id}`));
    expect(list.items.map((j) => [j.id, j.userEmail])).toEqual([[job.id, owner.email]]);
    expect((await ok<{ items: unknown[] }>(call(`/api/admin/jobs?userId=${owner.id}&status=failed`))).items).toHaveLength(0);

    const cancelled = await ok<{ status: string }>(call(`/api/admin/jobs/${job.id}/cancel`, { method: "POST" }));
    expect(cancelled.status).toBe("cancelled");
    expect((await call(`/api/admin/jobs/${job.id}/cancel`, { method: "POST" })).status).toBe(409);
    const [row] = await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, owner.id));
    expect(row!.b).toBe(300);
    const retried = await ok<{ id: string; status: string }>(call(`/api/admin/jobs/${job.id}/retry`, { method: "POST" }), 202);
    expect(retried.status).toBe("pending");
    const [again] = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.id, retried.id));
    expect(again!.userId).toBe(owner.id);
    expect((await call(`/api/admin/jobs/${randomUUID()}/retry`, { method: "POST" })).status).toBe(404);
    expect((await entries(job.id)).map((e) => e.action)).toEqual(["job.cancel", "job.retry"]);
    await generation.cancel(ctxFor(t.deps, owner), retried.id);
  });

  it("posts an announcement, notifies users of the model once, lists it publicly, deletes it; all audited", async () => {
    const modelId = "local/sketch-fast";
    const used = await createUser(t.deps, { credits: 100 });
    const { job } = await generation.enqueue(ctxFor(t.deps, used), { operation: "text-to-image", prompt: "x", negativePrompt: "", modelId, parameters: {} });
    await generation.cancel(ctxFor(t.deps, used), job.id);
    const stranger = await createUser(t.deps);

    expect((await call("/api/admin/announcements", { body: { modelId: "local/no-such", title: "x" } })).status).toBe(400);
    const posted = await ok<{ id: string; notified: number; authorEmail: string }>(
      call("/api/admin/announcements", { body: { modelId, kind: "update", title: `Faster previews ${randomUUID().slice(0, 6)}`, body: "Now twice as fast." } }),
      201,
    );
    expect(posted.notified).toBeGreaterThanOrEqual(1);
    expect(posted.authorEmail).toBe(adminEmail);
    const mine = await t.deps.database.db.select().from(notifications).where(and(eq(notifications.userId, used.id), eq(notifications.kind, "model.announcement")));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.link).toBe(`/models/${modelId}`);
    expect(await t.deps.database.db.select().from(notifications).where(eq(notifications.userId, stranger.id))).toHaveLength(0);

    const pub = await ok<{ items: { id: string; authorEmail?: string }[] }>(call(`/api/models/announcements?modelId=${encodeURIComponent(modelId)}`, { as: null }));
    expect(pub.items[0]!.id).toBe(posted.id);
    expect(pub.items[0]!.authorEmail).toBeUndefined();
    await ok(call(`/api/admin/announcements/${posted.id}`, { method: "DELETE" }));
    expect((await call(`/api/admin/announcements/${posted.id}`, { method: "DELETE" })).status).toBe(404);
    const log = (await entries(modelId)).filter((e) => e.details.announcementId === posted.id);
    expect(log.map((e) => e.action)).toEqual(["announcement.create", "announcement.delete"]);
  });
});
