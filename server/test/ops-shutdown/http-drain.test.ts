import type { AddressInfo } from "node:net";
import net from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeConnectionsWhileDraining, closeServer, drainFor } from "../../src/lib/shutdown";
import { createTestApp, type SignedUpUser, signUp, type TestApp, TEST_ORIGIN } from "../harness";
import { makePng, storeImage, unzip } from "../images/fixtures";

/** A promise with its resolver, to hold a response mid-stream exactly as long as the test wants. */
function deferred<T = undefined>() {
  let resolve!: (v?: T) => void;
  const promise = new Promise<T>((r) => (resolve = r as (v?: T) => void));
  return { promise, resolve };
}

async function listen(t: TestApp): Promise<{ server: ServerType; base: string }> {
  const drain = drainFor(t.deps);
  const ready = deferred<AddressInfo>();
  const server = serve(
    { fetch: closeConnectionsWhileDraining(drain, t.app.fetch), port: 0, hostname: "127.0.0.1" },
    ready.resolve,
  );
  const { port } = await ready.promise;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Resolves with the connect error's code: ECONNREFUSED once the server no longer listens. */
function connectOutcome(base: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe("graceful shutdown of the HTTP server", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let images: { id: string; filePath: string }[];
  let pngs: Buffer[];
  let gate: { reached: ReturnType<typeof deferred>; open: ReturnType<typeof deferred> };

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    pngs = [await makePng({ width: 200, height: 150, hue: 10 }), await makePng({ width: 160, height: 160, hue: 200 })];
    images = [];
    for (const [i, png] of pngs.entries())
      images.push(await storeImage(t, u.user.id, png, { prompt: `drain test ${i}` }));
    // The ZIP stream pauses before reading the second original until the test opens the gate: a download in flight.
    const storage = t.deps.storage;
    const get = storage.get.bind(storage);
    storage.get = async (key, ...rest) => {
      if (key === images[1]!.filePath) {
        gate.reached.resolve();
        await gate.open.promise;
      }
      return get(key, ...rest);
    };
  });
  afterAll(() => t.close());

  const headers = () => ({ Cookie: u.cookie, Origin: TEST_ORIGIN, "X-Forwarded-For": u.ip });
  const startZip = (base: string) =>
    fetch(`${base}/api/images/bulk-download`, {
      method: "POST",
      headers: { ...headers(), "Content-Type": "application/json" },
      body: JSON.stringify({ imageIds: images.map((i) => i.id) }),
    });

  it("finishes a streamed ZIP, ends event streams with a retry hint and refuses new connections", async () => {
    gate = { reached: deferred(), open: deferred() };
    const { server, base } = await listen(t);
    const events = await fetch(`${base}/api/generate/events`, { headers: headers() });
    expect(events.status).toBe(200);
    const zip = await startZip(base);
    expect(zip.status).toBe(200);
    await gate.reached.promise;
    expect(await connectOutcome(base)).toBe("connected");

    const stopped = closeServer(server, { drain: drainFor(t.deps), drainMs: 60_000, log: t.deps.log });

    // The event stream ends by itself, telling the browser when to reconnect (to another process).
    const sse = (await readAll(events.body!)).toString();
    expect(sse).toContain("event: ready");
    expect(sse).toMatch(/event: reconnect\n(data: \{\}\n)?retry: \d+\n/);
    // No new connections while the download drains.
    expect(await connectOutcome(base)).toBe("ECONNREFUSED");

    gate.open.resolve();
    const files = unzip(await readAll(zip.body!));
    expect(files.size).toBe(3);
    expect([...files.values()].some((b) => b.equals(pngs[1]!))).toBe(true);
    expect(files.has("metadata.json")).toBe(true);
    expect(await stopped).toEqual({ forced: false });
  });

  it("cuts a response that outlives the drain time, and still stops", async () => {
    gate = { reached: deferred(), open: deferred() };
    const { server, base } = await listen(t);
    const zip = await startZip(base);
    await gate.reached.promise;
    const { forced } = await closeServer(server, { drain: drainFor(t.deps), drainMs: 50, log: t.deps.log });
    expect(forced).toBe(true);
    // The client sees a cut-off download (an error, or an archive without its central directory), not a hang.
    const body = await readAll(zip.body!).catch(() => Buffer.alloc(0));
    expect(body.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
    gate.open.resolve();
  });
});
