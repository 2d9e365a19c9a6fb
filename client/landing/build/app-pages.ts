/**
 * Prerenders the signed-out app pages (today /sign-in) at build time, as landingPage() does the landing: an SSR
 * load of client/src/app/prerender/entry.tsx through Vite's module runner renders the real components to HTML in
 * each offered language and for each auth config the server can have. The result, `app-pages.json`, is read by the
 * server (server/src/lib/static.ts), which puts the matching markup into app.html's `#root` for a first visit; the
 * app renders over it (client/src/main.tsx). Not precached: the service worker answers with the plain shell.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Plugin, type ResolvedConfig, runnerImport } from "vite";
import type { PrerenderedPage } from "../../src/app/prerender/types";

const here = path.dirname(fileURLToPath(import.meta.url));
const client = path.resolve(here, "../..");
const ENTRY = path.join(client, "src/app/prerender/entry.tsx");
/** The file's name in client/dist; server/src/lib/static.ts reads the same name. */
export const APP_PAGES_FILE = "app-pages.json";

export function appPages(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "image-studio:app-pages",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      if (config.build.ssr) return;
      const started = Date.now();
      const { module: entry } = await runnerImport<{ prerenderPages(): Promise<Record<string, PrerenderedPage>> }>(
        ENTRY,
        {
          configFile: false,
          root: config.root,
          logLevel: "error",
          mode: config.mode,
          resolve: { alias: { "@": path.join(client, "src") } },
        },
      );
      const pages = await entry.prerenderPages();
      this.emitFile({ type: "asset", fileName: APP_PAGES_FILE, source: JSON.stringify(pages) });
      config.logger.info(`app pages: ${Object.keys(pages).join(", ")} prerendered in ${Date.now() - started} ms`);
    },
  };
}
