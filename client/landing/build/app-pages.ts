/**
 * Prerenders the signed-out app pages (today /sign-in) at build time, as landingPage() does the landing: an SSR
 * load of client/src/app/prerender/entry.tsx through Vite's module runner renders the real components to HTML in
 * each offered language and for each auth config the server can have. The result, `app-pages.json`, is read by the
 * server (server/src/lib/static.ts), which puts the matching markup into app.html's `#root` for a first visit; the
 * app renders over it (client/src/main.tsx). Not precached: the service worker answers with the plain shell.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Plugin, type ResolvedConfig, type Rollup, runnerImport } from "vite";
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
    async generateBundle(_options, bundle) {
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
      this.emitFile({ type: "asset", fileName: APP_PAGES_FILE, source: withBuiltAssets(JSON.stringify(pages), bundle, config.root) });
      config.logger.info(`app pages: ${Object.keys(pages).join(", ")} prerendered in ${Date.now() - started} ms`);
    },
  };
}

/**
 * The module runner imports files by their source path (the icon sprite is `/src/components/ui/icon-sprite.svg`);
 * the markup must name the built asset, as the app does. Fails the build on a source path it cannot map.
 */
function withBuiltAssets(json: string, bundle: Rollup.OutputBundle, root: string): string {
  const built = new Map<string, string>();
  for (const file of Object.values(bundle)) {
    if (file.type !== "asset") continue;
    for (const original of file.originalFileNames) {
      built.set(`/${path.relative(root, path.resolve(root, original)).split(path.sep).join("/")}`, `/${file.fileName}`);
    }
  }
  return json.replace(/\/src\/[^"#?\s\\]+(?:\?[\w-]+)?/g, (ref) => {
    const file = built.get(ref.replace(/\?.*$/, ""));
    if (!file) throw new Error(`app pages: ${ref} is not a built asset`);
    return file;
  });
}
