import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { createKey, keyRequest } from "../keys/helpers";
import { apiRoutes } from "../security/routes";
import { keyAccess } from "../../src/modules/keys/key-scopes";

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; "x-required-scope": string }>
  >;
};

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request("/api/openapi.json");
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(() => t?.close());

const toOpenApi = (route: string) => {
  const [method, path] = route.split(" ") as [string, string];
  return { method: method.toLowerCase(), path: path.replace(/:([A-Za-z0-9_]+)/g, "{$1}") };
};

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has every /api route of the app's route table that a key may call, and nothing a key may not", () => {
    const routes = apiRoutes(t.app);
    const callable = routes.filter((r) => {
      const [m, p] = r.split(" ") as [string, string];
      return keyAccess(m, p).allowed;
    });
    expect(callable.length).toBeGreaterThan(80);
    const missing = callable.filter((r) => {
      const { method, path } = toOpenApi(r);
      return !doc.paths[path]?.[method];
    });
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented).toHaveLength(callable.length);
    for (const denied of [
      "/api/keys",
      "/api/auth/me",
      "/api/admin/users",
      "/api/account/sessions",
      "/api/webhook-endpoints",
      "/api/sync/pull",
    ])
      expect(doc.paths[denied]).toBeUndefined();
  });

  it("carries the shared contracts: request bodies, query and path parameters, scopes", () => {
    const t2i = doc.paths["/api/generate/text-to-image"]!.post!;
    expect(t2i["x-required-scope"]).toBe("generate");
    expect(JSON.stringify(t2i.requestBody)).toContain('"prompt"');
    const list = doc.paths["/api/images"]!.get!;
    expect(list["x-required-scope"]).toBe("read");
    expect(list.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor", "q"]));
    const file = doc.paths["/api/images/{id}/file/{variant}"]!.get!;
    expect(file.parameters!.filter((p) => p.in === "path").map((p) => p.name)).toEqual(["id", "variant"]);
    expect(doc.paths["/api/projects/{id}"]!.put!["x-required-scope"]).toBe("manage");
  });

  it("a documented request works as documented with a key (a route from the document, called with its example)", async () => {
    const u = await signUp(t);
    const k = await createKey(t, u, ["read", "manage"]);
    const created = await keyRequest(t, k.key, "/api/projects", {
      body: { id: crypto.randomUUID(), name: "From the docs" },
    });
    expect(created.status).toBe(201);
    expect((await jsonRequest(t, "/api/projects", { cookie: u.cookie, ip: u.ip })).status).toBe(200);
  });
});

describe("API reference page", () => {
  it("is served from the app with no external script or stylesheet, and has curl examples with a key", async () => {
    const res = await t.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Image Studio API");
    expect(html).toContain("Authorization: Bearer $IMAGE_STUDIO_API_KEY");
    expect(html).toContain("/api/generate/text-to-image");
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|https?:\/\/(cdn|unpkg|jsdelivr)/i);
  });
});
