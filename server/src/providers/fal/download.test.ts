/** Output downloads are an SSRF boundary: only fal's file hosts (or the configured fake/relay) are fetched. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeFal, startFakeFal } from "../../../test/fake-fal";
import { providerInput, runToCompletion, testImage } from "../../../test/fake-fal/helpers";
import { createConfiguredFalClient } from "./client";
import { DownloadGuard, downloadFalFile } from "./download";
import { FalProvider } from "./provider";

const allowed = (url: string, guard = new DownloadGuard()) => guard.allows(new URL(url));

describe("DownloadGuard", () => {
  it("allows fal's CDN over https", () => {
    for (const url of [
      "https://v3.fal.media/files/lion/out.png",
      "https://v3b.fal.media/files/b/x.jpg",
      "https://fal.media/files/out.png",
      "https://storage.googleapis.com/falserverless/example_outputs/x.png",
    ]) {
      expect(allowed(url), url).toBe(true);
    }
  });

  it("refuses everything else", () => {
    for (const url of [
      "http://v3.fal.media/files/x.png", // not https
      "https://v3.fal.media:8443/files/x.png", // odd port
      "https://user:pw@v3.fal.media/files/x.png",
      "https://fal.media.evil.com/x.png",
      "https://evilfal.media/x.png",
      "https://storage.googleapis.com/someone-elses-bucket/x.png",
      "http://169.254.169.254/latest/meta-data/",
      "http://127.0.0.1:5432/",
      "http://localhost/x.png",
      "file:///etc/passwd",
    ]) {
      expect(allowed(url), url).toBe(false);
    }
  });

  it("allows the configured fal-compatible server's origin exactly, and operator-added hosts", () => {
    const guard = new DownloadGuard({
      customOrigin: "http://127.0.0.1:4010",
      extraHosts: ["*.cdn.example.com", "files.example.org"],
    });
    expect(allowed("http://127.0.0.1:4010/files/a.png", guard)).toBe(true);
    expect(allowed("http://127.0.0.1:4011/files/a.png", guard)).toBe(false);
    expect(allowed("https://eu.cdn.example.com/a.png", guard)).toBe(true);
    expect(allowed("https://cdn.example.com/a.png", guard)).toBe(false);
    expect(allowed("https://files.example.org/a.png", guard)).toBe(true);
    expect(allowed("http://files.example.org/a.png", guard)).toBe(false);
  });
});

describe("downloadFalFile", () => {
  const png = testImage(8, 8);
  const stub = (responses: Record<string, () => Response>) => {
    const calls: string[] = [];
    const fetchStub = (async (input: Parameters<typeof fetch>[0]) => {
      const url = String(input);
      calls.push(url);
      const make = responses[url];
      if (!make) throw new Error(`unexpected fetch ${url}`);
      return make();
    }) as typeof fetch;
    return { calls, fetch: fetchStub };
  };
  const opts = (f: typeof fetch) => ({ fetch: f, maxBytes: 1024 * 1024, timeoutMs: 2000 });
  const guard = new DownloadGuard();

  it("re-checks redirect targets: a CDN redirect to an internal host is refused", async () => {
    const s = stub({
      "https://v3.fal.media/files/a.png": () =>
        new Response(null, { status: 302, headers: { location: "http://169.254.169.254/" } }),
    });
    await expect(downloadFalFile("https://v3.fal.media/files/a.png", guard, opts(s.fetch))).rejects.toThrow(
      /Refused to download a result from 169\.254\.169\.254/,
    );
    expect(s.calls).toEqual(["https://v3.fal.media/files/a.png"]);
  });

  it("follows a redirect within fal's CDN", async () => {
    const bytes = await png;
    const s = stub({
      "https://v3.fal.media/files/a.png": () =>
        new Response(null, { status: 301, headers: { location: "https://v3b.fal.media/files/a.png" } }),
      "https://v3b.fal.media/files/a.png": () =>
        new Response(new Uint8Array(bytes), { headers: { "content-type": "image/png" } }),
    });
    const file = await downloadFalFile("https://v3.fal.media/files/a.png", guard, opts(s.fetch));
    expect(file.contentType).toBe("image/png");
    expect(file.data.equals(bytes)).toBe(true);
  });

  it("refuses non-images, oversize files and HTTP errors", async () => {
    const bytes = await png;
    const html = stub({
      "https://fal.media/a": () => new Response("<html>", { headers: { "content-type": "text/html" } }),
    });
    await expect(downloadFalFile("https://fal.media/a", guard, opts(html.fetch))).rejects.toThrow(
      /not an image \(text\/html\)/,
    );
    const fakePng = stub({
      "https://fal.media/a": () => new Response("not really a png", { headers: { "content-type": "image/png" } }),
    });
    await expect(downloadFalFile("https://fal.media/a", guard, opts(fakePng.fetch))).rejects.toThrow(/not an image/);
    const big = stub({
      "https://fal.media/a": () => new Response(new Uint8Array(bytes), { headers: { "content-type": "image/png" } }),
    });
    await expect(downloadFalFile("https://fal.media/a", guard, { ...opts(big.fetch), maxBytes: 10 })).rejects.toThrow(
      /larger than the download limit/,
    );
    const gone = stub({ "https://fal.media/a": () => new Response("gone", { status: 404 }) });
    await expect(downloadFalFile("https://fal.media/a", guard, opts(gone.fetch))).rejects.toMatchObject({
      retryable: false,
      message: "Downloading a result image failed (HTTP 404)",
    });
    const down = stub({ "https://fal.media/a": () => new Response("busy", { status: 503 }) });
    await expect(downloadFalFile("https://fal.media/a", guard, opts(down.fetch))).rejects.toMatchObject({
      retryable: true,
    });
  });

  it("decodes data: URIs (sync_mode results) without fetching", async () => {
    const bytes = await png;
    const s = stub({});
    const file = await downloadFalFile(`data:image/png;base64,${bytes.toString("base64")}`, guard, opts(s.fetch));
    expect(file).toMatchObject({ contentType: "image/png" });
    expect(s.calls).toEqual([]);
  });
});

describe("FalProvider downloads", () => {
  let fake: FakeFal;
  beforeAll(async () => {
    fake = await startFakeFal();
  });
  afterAll(() => fake.close());

  it("refuses a result whose image URL points at a host that is not fal's, and never fetches it", async () => {
    const fetched: string[] = [];
    const spy = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    }) as typeof fetch;
    const fal = new FalProvider({ key: fake.key, queueUrl: fake.url, fetch: spy });
    fake.failNext({
      at: "job",
      status: 200,
      body: { images: [{ url: "http://169.254.169.254/latest/meta-data/iam", width: 1, height: 1 }], seed: 1 },
    });
    const err = await runToCompletion(fal, providerInput("fal-ai/flux/dev", "text-to-image")).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: "internal",
      retryable: false,
      message: "Refused to download a result from 169.254.169.254: not a fal.ai file host",
    });
    expect(fetched.some((u) => u.includes("169.254.169.254"))).toBe(false);
    expect(fetched.some((u) => u.startsWith(fake.url))).toBe(true); // the queue calls did go through the injected fetch
  });

  it("downloads from the configured server only when FAL_QUEUE_URL points there", async () => {
    const file = fake.putFile(await testImage(4, 4), "image/png", "x.png");
    fake.failNext({ at: "job", status: 200, body: { images: [{ url: file }], seed: 1 } });
    const viaFake = new FalProvider({ key: fake.key, queueUrl: fake.url });
    expect(
      (await runToCompletion(viaFake, providerInput("fal-ai/flux/dev", "text-to-image"))).result.images[0],
    ).toMatchObject({ width: 4, height: 4 });
  });
});

describe("FAL_QUEUE_URL rewriting", () => {
  it("leaves the default host alone", () => {
    const { rewrite, customOrigin } = createConfiguredFalClient({ key: "a:b" });
    expect(rewrite("https://queue.fal.run/fal-ai/flux/dev")).toBe("https://queue.fal.run/fal-ai/flux/dev");
    expect(customOrigin).toBeUndefined();
  });

  it("points queue and storage calls at a fal-compatible server (keeping a path prefix)", () => {
    const { rewrite, customOrigin } = createConfiguredFalClient({ key: "a:b", queueUrl: "http://127.0.0.1:4010/fal/" });
    expect(rewrite("https://queue.fal.run/fal-ai/flux/dev?fal_webhook=x")).toBe(
      "http://127.0.0.1:4010/fal/fal-ai/flux/dev?fal_webhook=x",
    );
    expect(rewrite("https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3")).toBe(
      "http://127.0.0.1:4010/fal/storage/upload/initiate?storage_type=fal-cdn-v3",
    );
    expect(rewrite("https://queue.fal.run.evil.com/x")).toBe("https://queue.fal.run.evil.com/x");
    expect(customOrigin).toBe("http://127.0.0.1:4010");
  });

  it("for fal's backup queue host, rewrites only the queue (storage stays at rest.fal.ai)", () => {
    const { rewrite, customOrigin } = createConfiguredFalClient({ key: "a:b", queueUrl: "https://queue.falrun.com" });
    expect(rewrite("https://queue.fal.run/fal-ai/flux/dev")).toBe("https://queue.falrun.com/fal-ai/flux/dev");
    expect(rewrite("https://rest.fal.ai/storage/upload/initiate")).toBe("https://rest.fal.ai/storage/upload/initiate");
    expect(customOrigin).toBeUndefined();
  });
});
