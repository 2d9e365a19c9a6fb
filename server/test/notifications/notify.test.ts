import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema";
import type { LiveEvent } from "../../src/jobs/events";
import { notify } from "../../src/modules/notifications/notify";
import { insertNotification, listNotifications, unreadCount } from "../../src/modules/notifications/notifications.repo";
import { upsertSettings } from "../../src/modules/settings/settings.repo";
import { createUser } from "../factories";
import { createTestApp, jsonRequest, mailTo, signUp, type TestApp } from "../harness";

const lowBalance = (balance: number) => ({ kind: "credits.low" as const, params: { balance, threshold: 50 } });

describe("notify()", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("writes the bell's row, publishes it live, and mails only the kinds the user wants by mail", async () => {
    const user = await createUser(t.deps);
    const seen: LiveEvent[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => seen.push(e));
    const done = await notify(t.deps, { userId: user.id, kind: "job.completed", params: { count: 1, prompt: "a lighthouse", model: "Sketch" }, link: "/images/x" });
    const low = await notify(t.deps, { userId: user.id, ...lowBalance(12) });
    off();
    expect(done?.readAt).toBeNull();
    expect(done?.title).toBe("Your image is ready");
    expect(seen.map((e) => e.type)).toEqual(["notification", "notification"]);
    expect(await unreadCount(t.deps.database.db, user.id)).toBe(2);
    // Defaults: job.completed in the app only; credits.low also by mail.
    const mail = await mailTo(t, user.email);
    expect(mail.map((m) => m.subject)).toEqual(["Your credit balance is low"]);
    expect(low?.body).toBe("You have 12 credits left, below your alert at 50. Redeem a code or top up on the Usage page.");
    expect(low?.params).toEqual({ balance: 12, threshold: 50 });
  });

  it("writes a dedupe key once, and respects preferences (bell off → born read, no live event; switch off → no mail)", async () => {
    const user = await createUser(t.deps);
    const first = await notify(t.deps, { userId: user.id, ...lowBalance(3), dedupeKey: "low:2026-12" });
    const again = await notify(t.deps, { userId: user.id, ...lowBalance(3), dedupeKey: "low:2026-12" });
    expect(first).not.toBeNull();
    expect(again).toBeNull();

    await upsertSettings(t.deps.database.db, user.id, { notificationsEnabled: false, settings: { notificationPreferences: { "comment.new": { inApp: false } } } });
    const seen: LiveEvent[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => seen.push(e));
    const comment = { author: "Ada", excerpt: "Lovely light" };
    const quiet = await notify(t.deps, { userId: user.id, kind: "comment.new", params: comment });
    const mention = await notify(t.deps, { userId: user.id, kind: "comment.mention", params: comment });
    off();
    expect(quiet?.readAt).not.toBeNull();
    expect(seen).toHaveLength(1);
    expect((await mailTo(t, user.email)).map((m) => m.subject)).toEqual(["Your credit balance is low"]);
    expect(mention?.data.push).toBe(false);
    expect((await listNotifications(t.deps.database.db, user.id, { limit: 10 })).length).toBe(3);
  });

  it("never throws into the caller: an unknown user is no notification", async () => {
    expect(await notify(t.deps, { userId: "00000000-0000-4000-8000-000000000000", kind: "community.unpublished", params: { reason: "x" } })).toBeNull();
  });
});

describe("notifications in the reader's language", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const invite = { kind: "team.invite" as const, params: { inviter: "Ada", team: "Studio Nord", role: "editor" as const, expiresAt: "2026-12-12T10:00:00.000Z" } };

  it("a German reader's live event and mail are German; the row keeps the parameters and the English wording", async () => {
    const user = await createUser(t.deps);
    await t.deps.database.db.update(users).set({ language: "de", timezone: "Europe/Berlin" }).where(eq(users.id, user.id));
    const seen: LiveEvent[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => seen.push(e));
    await notify(t.deps, { userId: user.id, ...invite, link: "/teams" });
    await notify(t.deps, { userId: user.id, ...lowBalance(1) });
    off();
    const live = seen.flatMap((e) => (e.type === "notification" ? [e.notification] : []));
    expect(live.map((n) => n.title)).toEqual(["Ada hat Sie in das Team „Studio Nord“ eingeladen", "Ihr Guthaben ist niedrig"]);
    expect(live[0]!.body).toBe("Sie würden als Bearbeiter beitreten. Die Einladung gilt bis 12. Dezember 2026.");
    expect(live[1]!.body).toMatch(/^Sie haben noch 1 Credit, weniger als Ihre Warnschwelle von 50\./);
    const mails = await mailTo(t, user.email);
    expect(mails.map((m) => m.subject).sort()).toEqual(["Ada hat Sie in das Team „Studio Nord“ eingeladen", "Ihr Guthaben ist niedrig"]);
    expect(mails.find((m) => m.subject.startsWith("Ada"))!.text).toContain("Die Einladung gilt bis 12. Dezember 2026.");
    const [row] = await listNotifications(t.deps.database.db, user.id, { limit: 1, kinds: ["team.invite"] });
    expect(row!.title).toBe("Ada invited you to the team “Studio Nord”");
    expect(row!.params).toEqual(invite.params);
  });

  it("an English reader gets English, and a Spanish reader's mail is Spanish with numbers in their format", async () => {
    const en = await createUser(t.deps);
    const es = await createUser(t.deps);
    await t.deps.database.db.update(users).set({ language: "es" }).where(eq(users.id, es.id));
    const enView = await notify(t.deps, { userId: en.id, kind: "credits.limit", params: { spent: 12000, limit: 12000 } });
    const esView = await notify(t.deps, { userId: es.id, kind: "credits.limit", params: { spent: 12000, limit: 12000 } });
    expect(enView?.body).toBe("You have spent 12,000 of your 12,000-credit limit this month. New jobs wait until next month or until you raise the limit.");
    expect(esView?.title).toBe("Límite de gasto mensual alcanzado");
    expect((await mailTo(t, es.email))[0]!.text).toContain("Este mes has gastado 12.000 de tu límite de 12.000 créditos.");
    expect((await mailTo(t, en.email))[0]!.subject).toBe("Monthly spending limit reached");
  });

  it("the list is worded in the request's language; a row from before parameters keeps its stored text", async () => {
    const u = await signUp(t);
    await notify(t.deps, { userId: u.user.id, kind: "job.completed", params: { count: 3, prompt: "a fox", model: "Sketch" } });
    await insertNotification(t.deps.database.db, { userId: u.user.id, kind: "job.completed", title: "Your 2 images are ready", body: "old row — Sketch", createdAt: new Date(Date.now() - 60_000) });
    const list = async (language: string) => {
      const res = await jsonRequest(t, "/api/notifications", { cookie: u.cookie, ip: u.ip, headers: { "Accept-Language": language } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { title: string; body: string; params: unknown }[] }).items;
    };
    const de = await list("de-DE,de;q=0.9");
    expect(de.map((n) => n.title)).toEqual(["Ihre 3 Bilder sind fertig", "Your 2 images are ready"]);
    expect(de[0]!.params).toEqual({ count: 3, prompt: "a fox", model: "Sketch" });
    expect(de[1]!.params).toBeNull();
    expect((await list("en")).map((n) => n.title)).toEqual(["Your 3 images are ready", "Your 2 images are ready"]);
  });
});
