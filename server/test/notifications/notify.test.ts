import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../../src/jobs/events";
import { notify } from "../../src/modules/notifications/notify";
import { listNotifications, unreadCount } from "../../src/modules/notifications/notifications.repo";
import { upsertSettings } from "../../src/modules/settings/settings.repo";
import { createUser } from "../factories";
import { createTestApp, mailTo, type TestApp } from "../harness";

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
    const done = await notify(t.deps, { userId: user.id, kind: "job.completed", title: "Your image is ready", link: "/images/x" });
    const low = await notify(t.deps, { userId: user.id, kind: "credits.low", title: "Low balance", body: "12 credits left" });
    off();
    expect(done?.readAt).toBeNull();
    expect(seen.map((e) => e.type)).toEqual(["notification", "notification"]);
    expect(await unreadCount(t.deps.database.db, user.id)).toBe(2);
    // Defaults: job.completed in the app only; credits.low also by mail.
    const mail = await mailTo(t, user.email);
    expect(mail.map((m) => m.subject)).toEqual(["Low balance"]);
    expect(low?.body).toBe("12 credits left");
  });

  it("writes a dedupe key once, and respects preferences (bell off → born read, no live event; switch off → no mail)", async () => {
    const user = await createUser(t.deps);
    const first = await notify(t.deps, { userId: user.id, kind: "credits.low", title: "Low", dedupeKey: "low:2026-12" });
    const again = await notify(t.deps, { userId: user.id, kind: "credits.low", title: "Low", dedupeKey: "low:2026-12" });
    expect(first).not.toBeNull();
    expect(again).toBeNull();

    await upsertSettings(t.deps.database.db, user.id, { notificationsEnabled: false, settings: { notificationPreferences: { "comment.new": { inApp: false } } } });
    const seen: LiveEvent[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => seen.push(e));
    const quiet = await notify(t.deps, { userId: user.id, kind: "comment.new", title: "A comment" });
    const mention = await notify(t.deps, { userId: user.id, kind: "comment.mention", title: "You were mentioned" });
    off();
    expect(quiet?.readAt).not.toBeNull();
    expect(seen).toHaveLength(1);
    expect((await mailTo(t, user.email)).map((m) => m.subject)).toEqual(["Low"]);
    expect(mention?.data.push).toBe(false);
    expect((await listNotifications(t.deps.database.db, user.id, { limit: 10 })).length).toBe(3);
  });

  it("never throws into the caller: an unknown user is no notification", async () => {
    expect(await notify(t.deps, { userId: "00000000-0000-4000-8000-000000000000", kind: "job.failed", title: "x" })).toBeNull();
  });
});
