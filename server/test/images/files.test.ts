import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp, TEST_ORIGIN } from "../harness";
import { caller, insertRow, makePng, storeImage, unzip } from "./fixtures";

describe("image files, downloads and exports", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  let png: Buffer;
  let row: Awaited<ReturnType<typeof storeImage>>;
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
    png = await makePng({ width: 300, height: 200, hue: 40 });
    row = await storeImage(t, u.user.id, png, { prompt: "Crème brûlée on a blue plate, studio light" });
  });
  afterAll(() => t.close());

  it("serves the original with its type, length, ETag and cache headers", async () => {
    const res = await call(`/api/images/${row.id}/file/original`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers.get("cache-control")).toMatch(/^private/);
    expect(Number(res.headers.get("content-length"))).toBe(png.length);
    expect((await bytes(res)).equals(png)).toBe(true);
  });

  it("serves WebP variants as immutable and answers 304 to a matching If-None-Match", async () => {
    for (const variant of ["thumb-256", "preview-768"]) {
      const res = await call(`/api/images/${row.id}/file/${variant}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      const body = await bytes(res);
      expect(body.subarray(8, 12).toString()).toBe("WEBP");
      const etag = res.headers.get("etag")!;
      const again = await call(`/api/images/${row.id}/file/${variant}`, { headers: { "If-None-Match": `W/${etag}, "other"` } });
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      const changed = await call(`/api/images/${row.id}/file/${variant}`, { headers: { "If-None-Match": '"stale"' } });
      expect(changed.status).toBe(200);
    }
    expect((await call(`/api/images/${row.id}/file/huge`)).status).toBe(400);
  });

  it("serves byte ranges of the original (206, suffix, If-Range, 416)", async () => {
    const part = await call(`/api/images/${row.id}/file/original`, { headers: { Range: "bytes=0-7" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${png.length}`);
    expect(part.headers.get("content-length")).toBe("8");
    expect((await bytes(part)).equals(png.subarray(0, 8))).toBe(true);
    const tail = await call(`/api/images/${row.id}/file/original`, { headers: { Range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect((await bytes(tail)).equals(png.subarray(png.length - 10))).toBe(true);
    const open = await call(`/api/images/${row.id}/file/original`, { headers: { Range: `bytes=${png.length - 5}-` } });
    expect((await bytes(open)).equals(png.subarray(png.length - 5))).toBe(true);
    const stale = await call(`/api/images/${row.id}/file/original`, { headers: { Range: "bytes=0-7", "If-Range": '"old"' } });
    expect(stale.status).toBe(200);
    expect((await bytes(stale)).length).toBe(png.length);
    const beyond = await call(`/api/images/${row.id}/file/original`, { headers: { Range: `bytes=${png.length + 10}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${png.length}`);
  });

  it("downloads the original as an attachment with a readable file name", async () => {
    const res = await call(`/api/images/download/${row.id}`);
    expect(res.status).toBe(200);
    const cd = res.headers.get("content-disposition")!;
    expect(cd).toContain(`attachment; filename="creme-brulee-on-a-blue-plate-studio-light-${row.id.slice(0, 8)}.png"`);
    expect((await bytes(res)).equals(png)).toBe(true);
  });

  it("streams a ZIP of originals plus metadata.json, from JSON or a form post", async () => {
    const second = await storeImage(t, u.user.id, await makePng({ width: 120, height: 120, hue: 90 }), { prompt: "Crème brûlée on a blue plate, studio light" });
    const other = await signUp(t);
    const theirs = await insertRow(t, other.user.id);
    const res = await call("/api/images/bulk-download", { method: "POST", body: { imageIds: [row.id, second.id, theirs.id] } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-length")).toBeNull(); // streamed, not built up front
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="image-studio-\d{4}-\d{2}-\d{2}-2-images\.zip"/);
    const files = unzip(await bytes(res));
    expect([...files.keys()].sort()).toEqual(
      [`creme-brulee-on-a-blue-plate-studio-light-${row.id.slice(0, 8)}.png`, `creme-brulee-on-a-blue-plate-studio-light-${second.id.slice(0, 8)}.png`, "metadata.json"].sort(),
    );
    expect(files.get(`creme-brulee-on-a-blue-plate-studio-light-${row.id.slice(0, 8)}.png`)!.equals(png)).toBe(true);
    const meta = JSON.parse(files.get("metadata.json")!.toString()) as { id: string }[];
    expect(meta.map((m) => m.id)).toEqual([row.id, second.id]);

    const form = await t.request("/api/images/bulk-download", {
      method: "POST",
      headers: { Cookie: u.cookie, Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": u.ip },
      body: new URLSearchParams({ imageIds: `${second.id},${row.id}` }).toString(),
    });
    expect(form.status).toBe(200);
    expect(unzip(await bytes(form)).size).toBe(3);
    const onlyTheirs = await call("/api/images/bulk-download", { method: "POST", body: { imageIds: [theirs.id] } });
    expect(onlyTheirs.status).toBe(404);
  });

  it("exports metadata for many images as JSON and as CSV (by ids or by filter)", async () => {
    const tagged = await insertRow(t, u.user.id, { prompt: '=HYPERLINK("x"), "quoted", multi\nline', tags: ["export", "csv"], parameters: { seed: 7 } });
    const json = await call("/api/images/metadata/export", { method: "POST", body: { imageIds: [tagged.id, row.id], format: "json" } });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(/image-studio-metadata-.*\.json/);
    const items = (await json.json()) as { id: string; seed: number | null; tags: string[] }[];
    expect(items.map((i) => i.id)).toEqual([tagged.id, row.id]);
    expect(items[0]).toMatchObject({ seed: 7, tags: ["export", "csv"] });

    const csv = await call("/api/images/metadata/export", { method: "POST", body: { imageIds: [tagged.id], format: "csv" } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    const [header, ...rest] = text.split("\r\n");
    expect(header!.split(",").slice(0, 3)).toEqual(["id", "fileName", "prompt"]);
    expect(rest.join("\r\n")).toContain(`"'=HYPERLINK(""x""), ""quoted"", multi\nline"`);
    expect(rest.join("\r\n")).toContain("export; csv");

    const byFilter = await call("/api/images/metadata/export?format=json&tags=export");
    expect(((await byFilter.json()) as { id: string }[]).map((i) => i.id)).toEqual([tagged.id]);
    expect((await call("/api/images/metadata/export", { method: "POST", body: { imageIds: [randomUUID()], format: "xml" } })).status).toBe(400);
  });
});
