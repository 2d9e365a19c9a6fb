import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The built chunks' static imports (vite.config.ts `codeSplitting.groups`). Two chunks that import each other, even
 * through others, can run a module before one it uses has run ("is not a function" at load, on whichever page
 * happens to load the cycle's far end first): the page groups are built so that cannot happen, and this checks the
 * build did not. Read from client/dist, which the e2e run builds.
 */
const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/assets");

function staticImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(path.join(assets, file), "utf8");
    // Minified ESM: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"` (not `import("./x.js")`).
    const targets = [...text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One import cycle among the chunks, as a path that ends where it began, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The app shell's entry chunk: app.html's module script that is not rolldown's runtime. */
function shellChunk(): string {
  const html = readFileSync(path.join(assets, "../app.html"), "utf8");
  const scripts = [...html.matchAll(/<script type="module"[^>]*src="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const [shell, ...others] = scripts.filter((f) => !f.startsWith("rolldown-runtime-"));
  expect(others, "app.html's module scripts").toEqual([]);
  return shell!;
}

/** Every chunk the given ones reach by static imports, themselves included. */
function reachedFrom(graph: Map<string, string[]>, starts: Iterable<string>): Set<string> {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
  };
  for (const file of starts) visit(file);
  return reached;
}

/** The steps the build wrote into the shell (app/page-code.ts): each route's chunks, as files in client/dist/assets. */
function routeSteps(shell: string): Record<string, string[]> {
  const literal = /"(\{\\"chunks\\":.*?\})"/.exec(readFileSync(path.join(assets, shell), "utf8"))?.[1];
  expect(literal, "the steps the build wrote into the shell").toBeDefined();
  const steps = JSON.parse(JSON.parse(`"${literal}"`)) as { chunks: string[]; routes: Record<string, number[]> };
  return Object.fromEntries(Object.entries(steps.routes).map(([route, indexes]) => [route, indexes.map((i) => steps.chunks[i]!.replace(/^assets\//, ""))]));
}

describe("built chunks", () => {
  const graph = staticImports();
  const shell = shellChunk();

  it("read every chunk's imports (the pattern still matches the minifier's output)", () => {
    expect(graph.size).toBeGreaterThan(20);
    expect(graph.has(shell), `the shell chunk ${shell}`).toBe(true);
    const importers = [...graph.values()].filter((targets) => targets.includes(shell)).length;
    expect(importers, "chunks importing the shell").toBeGreaterThan(10);
  });

  it("import one another without a cycle", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it("keep the pages' groups out of the shell: it imports no route code statically", () => {
    for (const target of graph.get(shell)!) expect(target).toMatch(/^rolldown-runtime-/);
  });

  it("load the lightbox on use: no page group's chunk reaches its viewer by static imports", () => {
    const viewer = [...graph.keys()].filter((file) => readFileSync(path.join(assets, file), "utf8").includes("yarl__container"));
    expect(viewer.length, "chunks with the lightbox's code").toBeGreaterThan(0);
    const reached = reachedFrom(graph, [...graph.keys()].filter((file) => file === shell || /^(try|forms|auth|public|offline|dnd|app)-/.test(file)));
    for (const file of viewer) expect(reached.has(file), `${file} is loaded with a page's first visit`).toBe(false);
  });

  it("tell the shell each route's chunks in an order that runs one chunk per step (app/page-code.ts)", () => {
    const steps = routeSteps(shell);
    // What app.html's scripts import has run before the steps start.
    const booted = reachedFrom(graph, [shell]);
    expect(Object.keys(steps)).toEqual(expect.arrayContaining(["/_app", "/_app/gallery", "/sign-in", "/try", "/s/$token"]));
    for (const [route, files] of Object.entries(steps)) {
      files.forEach((file, at) => {
        expect(graph.has(file), `${route}: ${file} is built`).toBe(true);
        for (const next of graph.get(file)!) {
          const step = files.indexOf(next);
          expect(booted.has(next) || (step >= 0 && step < at), `${route}: ${file} imports ${next}, neither booted nor an earlier step`).toBe(true);
        }
      });
    }
    // The gallery's first visit evaluates its groups' chunks one by one, the signed-in group's among them, and the
    // libraries split out of the largest groups (forms, offline data, drag and drop) each in a step of their own.
    const gallery = steps["/_app/gallery"]!;
    expect(gallery.every((file) => !booted.has(file)), "no booted chunk is a step").toBe(true);
    for (const group of ["forms", "auth", "public", "offline", "dnd", "app"]) expect(gallery.some((file) => file.startsWith(`${group}-`)), group).toBe(true);
  });

  it("leave the contracts' schemas out of the gallery's first visit: what it needs of them has zod-free modules", () => {
    const steps = routeSteps(shell);
    const loaded = reachedFrom(graph, [shell, ...steps["/_app"]!, ...steps["/_app/gallery"]!]);
    // Texts only those schemas hold: shared/src/images.ts's tag rule, search.ts's query message, share.ts's token
    // rule, share-review.ts's note limit, video.ts's frame time. The first two are built (other pages use them).
    const markers = ["tags cannot contain commas", "common.searchRequired", "share.tokenInvalid", "share.noteTooLong", "generation.timeFromZero"];
    const built = [...graph.keys()].filter((file) => {
      const text = readFileSync(path.join(assets, file), "utf8");
      return markers.some((m) => text.includes(m));
    });
    expect(built.length, "chunks with the image and search schemas").toBeGreaterThan(0);
    for (const file of built) expect(loaded.has(file), `${file} is loaded with the gallery's first visit`).toBe(false);
  });
});
