import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, TEST_ORIGIN, type TestApp } from "../harness";
import { createKey, keyRequest, reasonOf } from "./helpers";

const LOCAL = "local/sketch";
let t: TestApp;
let owner: SignedUpUser;
let other: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  [owner, other] = await Promise.all([signUp(t), signUp(t)]);
});
afterAll(() => t?.close());

describe("API keys: create, list, revoke", () => {
  it("shows the key once, keeps only its SHA-256, lists it by prefix", async () => {
    const created = await createKey(t, owner, ["generate", "read"], { name: "laptop" });
    expect(created.key).toMatch(/^is_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix).toMatch(/^is_live_.{6}$/);
    expect(created.scopes).toEqual(["read", "generate"]);
    const [row] = await t.deps.database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.keyHash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = (await (await jsonRequest(t, "/api/keys", { cookie: owner.cookie, ip: owner.ip })).json()) as {
      items: Record<string, unknown>[];
    };
    const listed = list.items.find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({
      name: "laptop",
      prefix: created.prefix,
      scopes: ["read", "generate"],
      lastUsedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.key);
    const theirs = (await (await jsonRequest(t, "/api/keys", { cookie: other.cookie, ip: other.ip })).json()) as {
      items: { id: string }[];
    };
    expect(theirs.items.map((k) => k.id)).not.toContain(created.id);
  });

  it("refuses bad input with field errors, and a past expiry", async () => {
    for (const body of [
      { name: "", scopes: ["read"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["admin"] },
      { name: "x", scopes: ["read"], expiresAt: "tomorrow" },
    ]) {
      const res = await jsonRequest(t, "/api/keys", { cookie: owner.cookie, ip: owner.ip, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const past = await jsonRequest(t, "/api/keys", {
      cookie: owner.cookie,
      ip: owner.ip,
      body: { name: "old", scopes: ["read"], expiresAt: "2000-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("future");
  });

  it("revoking stops the key at once; someone else's key is a 404", async () => {
    const k = await createKey(t, owner, ["read"]);
    expect((await keyRequest(t, k.key, "/api/projects")).status).toBe(200);
    const theirs = await jsonRequest(t, `/api/keys/${k.id}`, { method: "DELETE", cookie: other.cookie, ip: other.ip });
    expect(theirs.status).toBe(404);
    expect((await keyRequest(t, k.key, "/api/projects")).status).toBe(200);
    const del = await jsonRequest(t, `/api/keys/${k.id}`, { method: "DELETE", cookie: owner.cookie, ip: owner.ip });
    expect(del.status).toBe(200);
    const after = await keyRequest(t, k.key, "/api/projects");
    expect(after.status).toBe(401);
    expect(await reasonOf(after)).toBe("INVALID_API_KEY");
  });
});

describe("API keys: authenticating with Authorization: Bearer", () => {
  it("acts as the owner with the key's scopes: read can't generate, generate can", async () => {
    const read = await createKey(t, owner, ["read"]);
    const gen = await createKey(t, owner, ["generate"]);
    const body = { prompt: "a lighthouse", modelId: LOCAL };
    const refused = await keyRequest(t, read.key, "/api/generate/text-to-image", { body });
    expect(refused.status).toBe(403);
    expect(await reasonOf(refused)).toBe("API_KEY_SCOPE_MISSING");
    const ok = await keyRequest(t, gen.key, "/api/generate/text-to-image", { body });
    expect(ok.status).toBe(202);
    const job = (await ok.json()) as { id: string };
    const status = await keyRequest(t, read.key, `/api/generate/queue/${job.id}`);
    expect(status.status).toBe(200);
    expect((await jsonRequest(t, `/api/generate/queue/${job.id}`, { cookie: other.cookie, ip: other.ip })).status).toBe(
      404,
    );
    // generate alone can't read, manage alone can't generate
    expect((await keyRequest(t, gen.key, "/api/images")).status).toBe(403);
  });

  it("never reaches account, auth, keys, webhook endpoints, admin, sync or dev routes", async () => {
    const all = await createKey(t, owner, ["read", "generate", "manage"]);
    for (const [method, path] of [
      ["GET", "/api/auth/me"],
      ["GET", "/api/account/sessions"],
      ["GET", "/api/keys"],
      ["POST", "/api/keys"],
      ["GET", "/api/webhook-endpoints"],
      ["GET", "/api/admin/users"],
      ["GET", "/api/sync/pull"],
      ["GET", "/api/dev/mailbox"],
      ["GET", "/api/settings"],
    ] as const) {
      const res = await keyRequest(t, all.key, path, {
        method,
        body: method === "POST" ? { name: "x", scopes: ["read"] } : undefined,
      });
      if (res.status === 404 && path === "/api/webhook-endpoints") continue; // not mounted in this build
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await reasonOf(res), `${method} ${path}`).toBe("API_KEY_ROUTE_NOT_ALLOWED");
    }
  });

  it("ignores cookies on a bearer request: a bad key with a good session cookie is still a 401", async () => {
    const res = await t.request("/api/projects", {
      headers: { Authorization: "Bearer is_live_nope", Cookie: owner.cookie, "X-Forwarded-For": owner.ip },
    });
    expect(res.status).toBe(401);
    expect(await reasonOf(res)).toBe("INVALID_API_KEY");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("a cookie request from another site is still blocked, a bearer one is not a cookie request", async () => {
    const k = await createKey(t, owner, ["manage"]);
    const evil = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
    const viaCookie = await jsonRequest(t, "/api/projects", {
      cookie: owner.cookie,
      ip: owner.ip,
      headers: evil,
      body: { id: crypto.randomUUID(), name: "x" },
    });
    expect(viaCookie.status).toBe(403);
    const viaKey = await keyRequest(t, k.key, "/api/projects", {
      headers: { ...evil, Origin: TEST_ORIGIN },
      body: { id: crypto.randomUUID(), name: "from a script" },
    });
    expect(viaKey.status).toBe(201);
  });

  it("an expired key, a malformed header value and an unknown key answer 401", async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const k = await createKey(t, owner, ["read"], { expiresAt: soon });
    expect((await keyRequest(t, k.key, "/api/projects")).status).toBe(200);
    const real = t.deps.clock;
    t.deps.clock = { now: () => new Date(Date.now() + 120_000) };
    try {
      expect((await keyRequest(t, k.key, "/api/projects")).status).toBe(401);
    } finally {
      t.deps.clock = real;
    }
    expect((await keyRequest(t, "not-a-key", "/api/projects")).status).toBe(401);
    expect((await keyRequest(t, `${k.key}x`, "/api/projects")).status).toBe(401);
  });

  it("records when and from where a key was last used", async () => {
    const k = await createKey(t, owner, ["read"]);
    await keyRequest(t, k.key, "/api/images", { ip: "10.1.2.3" });
    const list = (await (await jsonRequest(t, "/api/keys", { cookie: owner.cookie, ip: owner.ip })).json()) as {
      items: { id: string; lastUsedAt: string | null; lastUsedIp: string | null }[];
    };
    const row = list.items.find((i) => i.id === k.id)!;
    expect(row.lastUsedIp).toBe("10.1.2.3");
    expect(Date.now() - Date.parse(row.lastUsedAt!)).toBeLessThan(60_000);
  });
});

describe("API keys: rate limit per key", () => {
  it("answers 429 with Retry-After past the per-minute limit, per key", async () => {
    const limited = await createTestApp({ API_KEY_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const u = await signUp(limited);
      const a = await createKey(limited, u, ["read"]);
      const b = await createKey(limited, u, ["read"]);
      for (let i = 0; i < 3; i++) expect((await keyRequest(limited, a.key, "/api/projects")).status).toBe(200);
      const over = await keyRequest(limited, a.key, "/api/projects");
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await keyRequest(limited, b.key, "/api/projects")).status).toBe(200);
      // The session is not limited by the key's count.
      expect((await jsonRequest(limited, "/api/projects", { cookie: u.cookie, ip: u.ip })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
