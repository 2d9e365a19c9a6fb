import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { describe, expect, it } from "vitest";
import { compress, SYNC_MAX_BYTES } from "../../src/middleware/compress";

const items = (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ id: i, prompt: `a violet harbour at dawn #${i}`, tags: ["x", "y"] })) });

const app = new Hono()
  .use("*", compress())
  .get("/small", (c) => c.json({ ok: true }))
  .get("/page", (c) => c.json(items(50)))
  .get("/huge", (c) => c.json(items(8000)))
  .get("/html", (c) => c.html(`<p>${"hello ".repeat(500)}</p>`))
  .get("/events", (c) => streamSSE(c, async (s) => s.writeSSE({ data: "x".repeat(4000) })))
  .get("/empty", (c) => c.body(null, 204))
  // JSON that `c.json` did not make, or whose response a later middleware replaced: read back, same result.
  .get("/raw-json", (c) => c.body(JSON.stringify(items(50)), 200, { "content-type": "application/json" }))
  .use("/replaced", async (c, next) => {
    await next();
    c.res = new Response(c.res.body, c.res);
    c.res.headers.append("set-cookie", "a=b");
  })
  .get("/replaced", (c) => c.json(items(50)))
  .get("/created", (c) => c.json(items(50), 201, { "X-Kept": "yes" }))
  .get("/typed", (c) => c.json(items(50), 200, { "Content-Type": "application/problem+json" }))
  .get("/small-status", (c) => c.json({ error: "nope" }, 409));

const get = (path: string, encoding?: string, method = "GET") =>
  app.request(path, { method, headers: encoding ? { "accept-encoding": encoding } : {} });

async function decoded(res: Response): Promise<unknown> {
  const raw = Buffer.from(await res.arrayBuffer());
  const enc = res.headers.get("content-encoding");
  const text = enc === "br" ? brotliDecompressSync(raw) : enc === "gzip" ? gunzipSync(raw) : raw;
  return JSON.parse(text.toString("utf8"));
}

describe("response compression", () => {
  it("compresses a gallery-sized JSON page with brotli when offered, gzip otherwise, to the same JSON", async () => {
    const br = await get("/page", "gzip, deflate, br");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    const size = Number(br.headers.get("content-length"));
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(JSON.stringify(items(50)).length / 3);
    expect(await decoded(br)).toEqual(items(50));
    const gz = await get("/page", "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(await decoded(gz)).toEqual(items(50));
  });

  it("sends small JSON and requests without Accept-Encoding as they are", async () => {
    const small = await get("/small", "br");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const plain = await get("/page");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.json()).toEqual(items(50));
    const refused = await get("/page", "br;q=0, gzip;q=0");
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  it("still compresses (streaming) JSON past the one-call limit and HTML", async () => {
    expect(JSON.stringify(items(8000)).length).toBeGreaterThan(SYNC_MAX_BYTES);
    const huge = await get("/huge", "gzip");
    expect(huge.headers.get("content-encoding")).toBe("gzip");
    expect(await decoded(huge)).toEqual(items(8000));
    const html = await get("/html", "gzip");
    expect(html.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await html.arrayBuffer())).toString()).toContain("hello hello");
  });

  it("leaves event streams, empty answers and HEAD alone", async () => {
    const sse = await get("/events", "br, gzip");
    expect(sse.headers.get("content-encoding")).toBeNull();
    expect(await sse.text()).toContain("data: xxxx");
    expect((await get("/empty", "br")).status).toBe(204);
    const head = await get("/page", "br", "HEAD");
    expect(head.headers.get("content-encoding")).toBeNull();
  });

  it("compresses JSON however it was made, keeping status, headers and content type", async () => {
    for (const path of ["/raw-json", "/replaced", "/created"]) {
      const res = await get(path, "br");
      expect(res.headers.get("content-encoding"), path).toBe("br");
      expect(await decoded(res), path).toEqual(items(50));
    }
    expect((await get("/replaced", "br")).headers.get("set-cookie")).toBe("a=b");
    const created = await get("/created", "gzip");
    expect([created.status, created.headers.get("x-kept"), created.headers.get("content-type")]).toEqual([201, "yes", "application/json"]);
    expect(await decoded(created)).toEqual(items(50));
    const typed = await get("/typed", "br");
    expect(typed.headers.get("content-type")).toBe("application/problem+json");
    expect(await decoded(typed)).toEqual(items(50));
    const small = await get("/small-status", "br");
    expect([small.status, small.headers.get("content-length"), small.headers.get("content-encoding")]).toEqual([409, String(JSON.stringify({ error: "nope" }).length), null]);
    expect(await small.json()).toEqual({ error: "nope" });
  });
});
