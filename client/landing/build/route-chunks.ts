/**
 * The chunks each page's code is made of, dependencies first, written into the app shell at build time.
 *
 * A page's code arrives as one dynamic import (TanStack Router's split route component); the browser then evaluates
 * that chunk and every chunk it imports that has not run yet in one task — on `/gallery`'s first visit the sign-in
 * pages', the shared-link pages' and the signed-in layout's groups (vite.config.ts `codeSplitting.groups`), 50–60 ms
 * of main thread on a 2-core machine, four times that on Lighthouse's phone. With this list the first visit fetches
 * them all at once and evaluates them a chunk per task (client/src/app/first-visit.ts), so no one task holds them all.
 *
 * The app reads the list from the string `"__ROUTE_CHUNK_STEPS__"` in its shell (first-visit.ts), which this plugin
 * replaces by `{"chunks":[file…],"routes":{routeId:[index…]}}`: per route id (read from the route file's
 * `createFileRoute("…")`), the post-order of the static imports of the chunks that its split parts are imported
 * from — every chunk after the ones it imports, and the chunk the router imports last — without the chunks app.html
 * already runs. The build fails if the string is not in exactly one chunk, or a route id cannot be read.
 */
import { readFileSync } from "node:fs";
import type { Plugin, ResolvedConfig, Rollup } from "vite";

export const ROUTE_CHUNK_STEPS = "__ROUTE_CHUNK_STEPS__";
/** A route's split module (the router plugin's `?tsr-split=component`, `…=component---loader`). */
const SPLIT_ROUTE = /^(.*[\\/]client[\\/]src[\\/]routes[\\/].+\.tsx)\?tsr-split=/;
const PLACEHOLDER = new RegExp(`(["'\`])${ROUTE_CHUNK_STEPS}\\1`, "g");

export interface RouteChunkSteps {
  /** Built files, relative to the base (`assets/app-….js`). */
  chunks: string[];
  /** Route id → indexes into `chunks`, in the order to evaluate them. */
  routes: Record<string, number[]>;
}

export function routeChunks(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "image-studio:route-chunks",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      if (config.build.ssr) return;
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === "chunk");
      const steps = routeChunkSteps(chunks, routeIdOf);
      const holders = chunks.filter((chunk) => chunk.code.includes(ROUTE_CHUNK_STEPS));
      if (holders.length !== 1) throw new Error(`route chunks: "${ROUTE_CHUNK_STEPS}" is in ${holders.length} chunks, not one`);
      const holder = holders[0]!;
      holder.code = holder.code.replace(PLACEHOLDER, () => JSON.stringify(JSON.stringify(steps)));
      config.logger.info(`route chunks: ${Object.keys(steps.routes).length} routes, ${steps.chunks.length} chunks to evaluate in steps`);
    },
  };
}

/** The id a route file gives its route: `createFileRoute("/_app/gallery")`. */
function routeIdOf(file: string): string {
  const id = /createFileRoute\(\s*["'`]([^"'`]+)["'`]\s*\)/.exec(readFileSync(file, "utf8"))?.[1];
  if (!id) throw new Error(`route chunks: no createFileRoute("…") in ${file}`);
  return id;
}

/** Exported for its unit test: the steps of every route whose split parts some chunk is the dynamic entry of. */
export function routeChunkSteps(
  chunks: Pick<Rollup.OutputChunk, "fileName" | "imports" | "isEntry" | "isDynamicEntry" | "facadeModuleId">[],
  routeId: (file: string) => string,
): RouteChunkSteps {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // What the entries import statically has run before the app's code does anything.
  const ran = new Set<string>();
  const run = (file: string) => {
    if (ran.has(file)) return;
    ran.add(file);
    for (const next of byFile.get(file)?.imports ?? []) run(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) run(chunk.fileName);

  const files: string[] = [];
  const index = new Map<string, number>();
  const routes: Record<string, number[]> = {};
  const seen = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    const split = chunk.isDynamicEntry && chunk.facadeModuleId ? SPLIT_ROUTE.exec(chunk.facadeModuleId) : null;
    if (!split) continue;
    const id = routeId(split[1]!);
    const order = (routes[id] ??= []);
    const visited = seen.get(id) ?? new Set<string>();
    seen.set(id, visited);
    const visit = (file: string) => {
      if (ran.has(file) || visited.has(file) || !byFile.has(file)) return;
      visited.add(file);
      for (const next of byFile.get(file)!.imports) visit(next);
      let at = index.get(file);
      if (at === undefined) {
        at = files.push(file) - 1;
        index.set(file, at);
      }
      order.push(at);
    };
    visit(chunk.fileName);
  }
  return { chunks: files, routes };
}
