import { afterEach, describe, expect, it } from "vitest";
import { evaluateInSteps, pageChunks } from "./page-code";

const steps = {
  chunks: ["assets/try-1.js", "assets/auth-2.js", "assets/app-3.js", "assets/_app-4.js", "assets/gallery-5.js", "assets/batch-6.js"],
  routes: { "/_app": [0, 1, 2, 3], "/_app/gallery": [0, 1, 2, 4], "/_app/batch": [1, 5] },
};

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * The steps' task is a message to the page itself; which of a message and a timer runs first is not specified (and
 * under load happy-dom's order varies), so a test waits for the step in tasks — never by time — rather than in one.
 */
const tasksUntil = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await macrotask();
};
const microtasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

afterEach(() => {
  for (const link of document.head.querySelectorAll("link")) link.remove();
});

describe("pageChunks", () => {
  it("lists the matched routes' chunks once each, the outer route's first, as URLs under the base", () => {
    expect(pageChunks(["__root__", "/_app", "/_app/gallery"], steps)).toEqual(
      ["assets/try-1.js", "assets/auth-2.js", "assets/app-3.js", "assets/_app-4.js", "assets/gallery-5.js"].map((file) => `/${file}`),
    );
    expect(pageChunks(["/_app", "/_app/batch"], steps)).toEqual(["/assets/try-1.js", "/assets/auth-2.js", "/assets/app-3.js", "/assets/_app-4.js", "/assets/batch-6.js"]);
  });

  it("has nothing for a route the build did not list (and nothing at all in development)", () => {
    expect(pageChunks(["__root__", "/elsewhere"], steps)).toEqual([]);
    expect(pageChunks(["/_app/gallery"])).toEqual([]);
  });
});

describe("evaluateInSteps", () => {
  it("asks for every chunk at once, then imports them one at a time, a task apart", async () => {
    const loads: string[] = [];
    const pending = new Map<string, () => void>();
    const load = (url: string) => {
      loads.push(url);
      return new Promise<void>((resolve) => pending.set(url, resolve));
    };
    const done = evaluateInSteps(["/a.js", "/b.js", "/c.js"], load);
    const preloads = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.getAttribute("href"));
    expect(preloads).toEqual(["/a.js", "/b.js", "/c.js"]);
    expect(loads).toEqual(["/a.js"]);
    await microtasks();
    expect(loads, "not before the first has run").toEqual(["/a.js"]);
    pending.get("/a.js")!();
    await microtasks();
    expect(loads, "not in the task the first ran in").toEqual(["/a.js"]);
    await tasksUntil(() => loads.length > 1);
    expect(loads).toEqual(["/a.js", "/b.js"]);
    pending.get("/b.js")!();
    await microtasks();
    expect(loads, "not in the task the second ran in").toEqual(["/a.js", "/b.js"]);
    await tasksUntil(() => loads.length > 2);
    pending.get("/c.js")!();
    await done;
    expect(loads).toEqual(["/a.js", "/b.js", "/c.js"]);
  });

  it("does not ask twice for a chunk already preloaded", async () => {
    const link = Object.assign(document.createElement("link"), { rel: "modulepreload", href: "/a.js" });
    link.setAttribute("href", "/a.js");
    document.head.append(link);
    await evaluateInSteps(["/a.js", "/b.js"], async () => undefined);
    expect(document.head.querySelectorAll('link[href="/a.js"]')).toHaveLength(1);
    expect(document.head.querySelectorAll('link[href="/b.js"]')).toHaveLength(1);
  });

  it("stops at a chunk that fails to load and still settles (the router's own import reports it)", async () => {
    const loads: string[] = [];
    await expect(
      evaluateInSteps(["/a.js", "/b.js", "/c.js"], async (url) => {
        loads.push(url);
        if (url === "/b.js") throw new TypeError("Failed to fetch dynamically imported module");
      }),
    ).resolves.toBeUndefined();
    expect(loads).toEqual(["/a.js", "/b.js"]);
  });
});
