/**
 * A first visit's page code, evaluated a chunk per task. Imported whole, the gallery's code runs in one task with
 * every chunk it imports (the sign-in, shared-link and signed-in groups of vite.config.ts: zod building the shared
 * schemas, react-hook-form, sonner, Dexie…) — 50–60 ms of main thread on a 2-core machine, four times that on a phone.
 * The build writes, per route, the chunks its split parts are imported from in dependency order
 * (client/landing/build/route-chunks.ts); they are all requested at once, as the router would, then imported one at a
 * time with a macrotask in between, so the browser handles input and network callbacks between them. The router's
 * own import of the page then finds everything evaluated.
 */
import type { RouteChunkSteps } from "../../landing/build/route-chunks";
import { clientEnv } from "@/lib/env";
import { nextTask } from "@/lib/next-task";

/** Replaced by the build; the dev server serves modules one by one and has nothing to split. */
const BUILT = "__ROUTE_CHUNK_STEPS__";

function builtSteps(): RouteChunkSteps {
  return clientEnv.dev ? { chunks: [], routes: {} } : (JSON.parse(BUILT) as RouteChunkSteps);
}

/** The chunks to evaluate for these routes (outermost first, as matched), each once, as URLs. */
export function pageChunks(routeIds: readonly string[], steps: RouteChunkSteps = builtSteps()): string[] {
  const indexes = new Set(routeIds.flatMap((id) => steps.routes[id] ?? []));
  return [...indexes].map((i) => `${clientEnv.base}${steps.chunks[i]}`);
}

/**
 * Requests every chunk (module preloads: fetched and compiled in parallel, not run), then imports them in order, a
 * task each. Never rejects: a chunk that fails to load stops the steps, and the router's own import of the page
 * reports it as it always has.
 */
export async function evaluateInSteps(urls: readonly string[], load: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url)): Promise<void> {
  for (const url of urls) {
    if (document.head.querySelector(`link[rel="modulepreload"][href="${url}"]`)) continue;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = url;
    document.head.append(link);
  }
  for (const url of urls) {
    try {
      await load(url);
    } catch {
      return;
    }
    await nextTask();
  }
}
