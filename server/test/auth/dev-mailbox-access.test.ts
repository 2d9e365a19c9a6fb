import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, mailTo, signUp, type TestApp } from "../harness";
import { expectError } from "./helpers";

/** A request as the Node server hands it over: from a socket with this peer address (what getConnInfo reads). */
function fromSocket(t: TestApp, peer: string, path: string, init: RequestInit = {}) {
  return t.app.request(path, init, { incoming: { socket: { remoteAddress: peer } } });
}

describe("dev mailbox: who may read it by default", () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    // DEV_MAILBOX unset: the default applies (the harness otherwise opens it for in-process tests).
    t = await createTestApp({ DEV_MAILBOX: "", TRUST_PROXY: "false" });
    proxied = await createTestApp({ DEV_MAILBOX: "", TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it("answers a browser on the server's own machine and nobody on the network", async () => {
    expect((await fromSocket(t, "127.0.0.1", "/api/dev/mailbox")).status).toBe(200);
    expect((await fromSocket(t, "::1", "/api/dev/mailbox")).status).toBe(200);
    expect((await fromSocket(t, "::ffff:127.0.0.1", "/api/dev/mailbox")).status).toBe(200);
    const phone = await expectError(await fromSocket(t, "192.168.1.23", "/api/dev/mailbox"), 404, "NOT_FOUND");
    expect(phone.message).toMatch(/server's own machine.*DEV_MAILBOX=open/);
    await expectError(await fromSocket(t, "::ffff:10.0.0.8", "/api/dev/mailbox"), 404, "NOT_FOUND");
    // No socket at all (an in-process call) is not "this machine" either.
    await expectError(await t.request("/api/dev/mailbox"), 404, "NOT_FOUND");
  });

  it("refuses a page on another name pointed at this machine (DNS rebinding)", async () => {
    expect((await fromSocket(t, "127.0.0.1", "http://127.0.0.1:3000/api/dev/mailbox")).status).toBe(200);
    expect((await fromSocket(t, "::1", "http://[::1]:3000/api/dev/mailbox")).status).toBe(200);
    expect((await fromSocket(t, "127.0.0.1", "http://localhost:3000/api/dev/mailbox")).status).toBe(200);
    await expectError(
      await fromSocket(t, "127.0.0.1", "http://rebind.attacker.example:3000/api/dev/mailbox"),
      404,
      "NOT_FOUND",
    );
  });

  it("is not fooled by forwarding headers from a remote socket", async () => {
    for (const app of [t, proxied]) {
      const spoofs: Record<string, string>[] = [{ "X-Forwarded-For": "127.0.0.1" }, { "X-Real-IP": "::1" }];
      for (const headers of spoofs) {
        await expectError(await fromSocket(app, "203.0.113.9", "/api/dev/mailbox", { headers }), 404, "NOT_FOUND");
      }
    }
  });

  it("behind a reverse proxy on the same machine, decides by the client the proxy reports", async () => {
    const via = (app: TestApp, client: string) =>
      fromSocket(app, "127.0.0.1", "/api/dev/mailbox", { headers: { "X-Forwarded-For": client } });
    // TRUST_PROXY on: the forwarded client address counts.
    await expectError(await via(proxied, "192.168.1.23"), 404, "NOT_FOUND");
    await expectError(await via(proxied, "127.0.0.1, 192.168.1.23"), 404, "NOT_FOUND");
    expect((await via(proxied, "127.0.0.1")).status).toBe(200);
    // TRUST_PROXY off: a relayed request could be anyone's, so it is never local.
    await expectError(await via(t, "127.0.0.1"), 404, "NOT_FOUND");
    await expectError(
      await fromSocket(t, "127.0.0.1", "/api/dev/mailbox", { headers: { Forwarded: "for=192.168.1.23" } }),
      404,
      "NOT_FOUND",
    );
  });
});

describe("dev mailbox: clearing it", () => {
  let open: TestApp;
  let local: TestApp;
  let adminEmail: string;
  beforeAll(async () => {
    adminEmail = `mail-admin-${Date.now()}@example.test`;
    open = await createTestApp({ DEV_MAILBOX: "open", ADMIN_EMAILS: adminEmail });
    local = await createTestApp({ DEV_MAILBOX: "local", ADMIN_EMAILS: adminEmail });
  });
  afterAll(async () => {
    await open.close();
    await local.close();
  });

  it("is never done anonymously or by a non-admin, even when the mailbox is open", async () => {
    const u = await signUp(open);
    const clear = (cookie?: string) =>
      jsonRequest(open, `/api/dev/mailbox?to=${encodeURIComponent(u.email)}`, { method: "DELETE", cookie });
    await expectError(await clear(), 401, "UNAUTHORIZED");
    await expectError(await clear(u.cookie), 403, "FORBIDDEN");
    expect((await mailTo(open, u.email)).length).toBeGreaterThan(0);
  });

  it("is done by a signed-in admin who can read the mailbox", async () => {
    const admin = await signUp(open, { email: adminEmail });
    const u = await signUp(open);
    const other = await signUp(open);
    const del = (t: TestApp, peer?: string) => {
      const init = { method: "DELETE", headers: { Cookie: admin.cookie, Origin: "http://localhost:3000" } };
      const path = `/api/dev/mailbox?to=${encodeURIComponent(u.email)}`;
      return peer ? fromSocket(t, peer, path, init) : t.request(path, init);
    };
    // In local mode an admin on another machine can't clear it either.
    await expectError(await del(local, "192.168.1.23"), 404, "NOT_FOUND");
    expect((await mailTo(open, u.email)).length).toBeGreaterThan(0);
    expect((await del(local, "127.0.0.1")).status).toBe(200);
    expect(await mailTo(open, u.email)).toEqual([]);
    expect((await mailTo(open, other.email)).length).toBeGreaterThan(0);
    expect((await del(open)).status).toBe(200);
  });
});
