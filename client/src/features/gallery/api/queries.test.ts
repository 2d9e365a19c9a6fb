import type { ImageList } from "@image-studio/shared";
import { QueryClient } from "@tanstack/react-query";
import type { DBCore } from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, OfflineDB, setDatabase } from "@/offline/db";
import { localImagePage } from "@/offline/local-gallery";
import { makeImage, uuid } from "@/offline/test-support";
import { imageListOptions, loadImageList } from "./queries";

/** The loader of a gallery list: how often it reads the device and asks the server, online and offline. */

let cursors = 0;
/** What happened, in order: the device's cursor walks opening on `images`, the server being asked. */
let events: string[] = [];
const fetchSpy = vi.fn<typeof fetch>();

beforeEach(async () => {
  const d = new OfflineDB(`test-${crypto.randomUUID()}`);
  // Counts the cursors opened on `images`: a gallery page from the device is one cursor walk.
  d.use({
    stack: "dbcore",
    name: "count-image-cursors",
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return name === "images"
          ? { ...t, openCursor: (req) => ((cursors += 1), t.openCursor(req).then((c) => (events.push("device cursor open"), c))) }
          : t;
      },
    }),
  });
  setDatabase(d);
  await db().images.bulkPut(Array.from({ length: 30 }, (_, n) => makeImage(uuid(n + 1), { createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() })));
  cursors = 0;
  events = [];
  fetchSpy.mockReset();
  vi.stubGlobal("fetch", fetchSpy);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await db().delete();
  setDatabase(null);
});

const setOnline = (online: boolean) => vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);

describe("loadImageList", () => {
  it("offline, reads the device's first page once, asks no server and keeps the page as fresh", async () => {
    setOnline(false);
    const qc = new QueryClient();
    await loadImageList(qc, {}, 10);
    await new Promise((r) => setTimeout(r, 20)); // a background fetch, if one were started, would have begun
    const options = imageListOptions({}, 10);
    const data = qc.getQueryData(options.queryKey);
    const expected = await localImagePage({}, undefined, 10);
    expect(data?.pages).toEqual([expected]);
    expect(data?.pages[0]?.items[0]?.id).toBe(uuid(30)); // newest first
    expect(cursors).toBe(2); // the loader's read + the comparison above: nothing read it in between
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(qc.getQueryCache().find({ queryKey: options.queryKey })?.isStale()).toBe(false);
  });

  it("online, shows the device's page at once and replaces it with the server's", async () => {
    setOnline(true);
    const server: ImageList = { items: [(await localImagePage({}, undefined, 1)).items[0]!], nextCursor: null };
    let answer!: () => void;
    fetchSpy.mockImplementation(
      () => new Promise((resolve) => (answer = () => resolve(new Response(JSON.stringify(server), { headers: { "content-type": "application/json" } })))),
    );
    const qc = new QueryClient();
    const options = imageListOptions({}, 10);
    cursors = 0;
    await loadImageList(qc, {}, 10);
    expect(qc.getQueryData(options.queryKey)?.pages[0]?.items).toHaveLength(10); // the device's, shown first
    expect(fetchSpy).toHaveBeenCalledTimes(1); // the server was asked already, at the same time
    answer();
    await vi.waitFor(() => expect(qc.getQueryData(options.queryKey)?.pages).toEqual([server]));
    expect(cursors).toBe(1);
    expect(String(fetchSpy.mock.calls[0]?.[0])).toContain("/api/images");
  });

  it("online, asks the server without waiting for the device's read, and shows the server's page when it comes first", async () => {
    setOnline(true);
    const server: ImageList = { items: [(await localImagePage({}, undefined, 1)).items[0]!], nextCursor: null };
    fetchSpy.mockImplementation(async () => {
      events.push("server asked");
      return new Response(JSON.stringify(server), { headers: { "content-type": "application/json" } });
    });
    events = [];
    const qc = new QueryClient();
    const options = imageListOptions({}, 10);
    await loadImageList(qc, {}, 10);
    expect(events[0]).toBe("server asked"); // before the device's read had a cursor open, let alone an answer
    await vi.waitFor(() => expect(qc.getQueryData(options.queryKey)?.pages).toEqual([server]));
    await localImagePage({}, undefined, 1); // the loader's device read has finished by now (reads go in order)
    expect(qc.getQueryData(options.queryKey)?.pages).toEqual([server]); // and did not replace the server's page
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
