/**
 * Prerenders the landing page (client/index.html) at build time.
 *
 * buildStart: an SSR load of build/entry.ts through Vite's module runner (TS/JSX transformed, node_modules left
 * to Node) renders the React components to static HTML and draws the hero and gallery artwork with the local
 * sketch engine; the artwork, the landing's Inter cuts (font.ts), robots.txt and sitemap.xml are emitted into the
 * bundle. transformIndexHtml: the HTML is injected into index.html while Vite builds it, so the file
 * vite-plugin-pwa hashes for the precache is the finished page. The browser gets HTML, CSS (landing.css) and
 * enhance.ts — never React or the app bundle.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type HtmlTagDescriptor, type Plugin, type ResolvedConfig, type Rollup, runnerImport } from "vite";
import type { LandingData, LandingModel, RenderedLanding } from "../types";
import { buildArtwork, engineDigest, type EmittedFile, type SketchRenderer } from "./artwork";
import { GALLERY_ART, HERO_ART, HERO_PROMPT } from "./artwork-specs";
import { landingFonts, visibleText } from "./font";
import { resolveSiteUrl, robotsTxt, SITE_ORIGIN_PLACEHOLDER, sitemapXml } from "./seo";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const ENTRY = path.join(here, "entry.ts");
const ENGINE_DIR = path.join(repo, "server/src/providers/local");
const TEMPLATE = path.join(repo, "client/index.html");
const MARK = { head: "<!--landing:head-->", body: "<!--landing:body-->" };
/** Credits a new account starts with: the server's SIGNUP_CREDITS default (server/src/env.ts). */
const SIGNUP_CREDITS = 500;

interface Entry {
  renderLanding(data: LandingData): RenderedLanding;
  landingModels(): LandingModel[];
  renderSketch: SketchRenderer;
}

interface Prepared {
  html: RenderedLanding;
  files: EmittedFile[];
  /** <head> additions: the first screen's font preload and the two cuts' @font-face. */
  tags: HtmlTagDescriptor[];
}

export interface LandingOptions {
  /**
   * Published origin for canonical/Open Graph/sitemap URLs. Default: SITE_URL; without it the build carries a
   * placeholder that the server fills with its APP_URL (dev server: its own address).
   */
  siteUrl?: string;
}

async function prepare(config: ResolvedConfig, siteUrl: string): Promise<Prepared> {
  const started = Date.now();
  const { module: entry } = await runnerImport<Entry>(ENTRY, {
    configFile: false,
    root: config.root,
    logLevel: "error",
    mode: config.mode,
  });
  const { files, images } = await buildArtwork([...HERO_ART, ...GALLERY_ART], entry.renderSketch, {
    cacheDir: path.join(repo, "node_modules/.cache/image-studio-landing"),
    engineDigest: engineDigest(ENGINE_DIR),
  });
  const pick = (name: string) => images.get(name)!;
  const data: LandingData = {
    siteUrl,
    models: entry.landingModels(),
    hero: HERO_ART.map((a) => pick(a.name)),
    heroPrompt: HERO_PROMPT,
    // Until users can publish images there is nothing public to show: build-time artwork, labelled as such.
    // Shared images replace it by passing { source: "community", items } (GalleryItem carries prompt, model, author).
    gallery: {
      source: "sketch-engine",
      items: GALLERY_ART.map((a) => ({ image: pick(a.name), prompt: a.prompt, model: "Local sketch", seed: a.seed })),
    },
    signupCredits: SIGNUP_CREDITS,
    year: new Date().getFullYear(),
  };
  const html = entry.renderLanding(data);
  const font = await landingFonts(
    { firstScreen: visibleText(html.firstScreen), page: visibleText(html.body) },
    { clientDir: config.root, cacheDir: path.join(repo, "node_modules/.cache/image-studio-landing-font") },
  );
  files.push(font.first, font.page);
  const tags: HtmlTagDescriptor[] = [
    {
      tag: "link",
      attrs: { rel: "preload", as: "font", type: "font/woff2", href: `/${font.first.fileName}`, crossorigin: "" },
      injectTo: "head",
    },
    { tag: "style", children: font.css, injectTo: "head" },
  ];
  const lastmod = new Date().toISOString().slice(0, 10);
  files.push({ fileName: "robots.txt", source: Buffer.from(robotsTxt(siteUrl)) });
  files.push({ fileName: "sitemap.xml", source: Buffer.from(sitemapXml(siteUrl, lastmod)) });
  config.logger.info(`landing: prerendered in ${Date.now() - started} ms (${files.length} files)`);
  return { html, files, tags };
}

function inject(template: string, html: RenderedLanding): string {
  for (const mark of Object.values(MARK)) {
    if (!template.includes(mark)) throw new Error(`client/index.html lost its ${mark} placeholder`);
  }
  // The template's comments are for its readers; the page ships without them (its HTML budget is tight).
  return template
    .replace(/\n\s*<!--(?!landing:)[\s\S]*?-->/g, "")
    .replace(MARK.head, () => html.head)
    .replace(MARK.body, () => html.body);
}

/** The app's font faces (fontsource, via globals.css): the landing draws its text with its own cuts (font.ts). */
const APP_FONT_FACE = /@font-face\{(?=[^}]*font-family:\s*"?(?:Inter Variable|JetBrains Mono Variable)"?\s*;)[^}]*\}/g;

/**
 * The landing's stylesheet without the app's 13 @font-face rules (a third of it gzipped: hashed URLs do not
 * compress). The page's text is all in the landing's cuts, so those faces were never fetched here; a character
 * outside the cuts falls back to "Inter Fallback", as it would have had it been outside fontsource's Latin face.
 */
function stripAppFontFaces(bundle: Rollup.OutputBundle) {
  const entry = Object.values(bundle).find(
    (c): c is Rollup.OutputChunk => c.type === "chunk" && c.facadeModuleId === TEMPLATE,
  );
  for (const name of entry?.viteMetadata?.importedCss ?? []) {
    const css = bundle[name];
    if (css?.type === "asset" && typeof css.source === "string") css.source = css.source.replace(APP_FONT_FACE, "");
  }
}

export function landingPage(options: LandingOptions = {}): Plugin {
  let config: ResolvedConfig;
  let siteUrl: string;
  let prepared: Promise<Prepared> | undefined;
  const isTemplate = (file: string) => path.resolve(file) === TEMPLATE;

  return {
    name: "image-studio:landing",
    configResolved(resolved) {
      config = resolved;
      siteUrl = options.siteUrl ?? resolveSiteUrl(process.env);
      if (siteUrl === SITE_ORIGIN_PLACEHOLDER && resolved.command === "serve")
        siteUrl = `http://localhost:${resolved.server.port ?? 5173}`;
    },
    async buildStart() {
      if (config.command !== "build" || config.build.ssr) return;
      prepared = prepare(config, siteUrl);
      for (const file of (await prepared).files)
        this.emitFile({ type: "asset", fileName: file.fileName, source: file.source });
    },
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        if (!config.build.ssr) stripAppFontFaces(bundle);
      },
    },
    configureServer(server) {
      // Dev: render on request (fresh after edits) and serve the artwork from memory.
      const invalidate = (file: string) => {
        if (file.startsWith(path.join(repo, "client/landing")) || file.includes(`${path.sep}catalog`))
          prepared = undefined;
      };
      server.watcher.on("change", invalidate);
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split("?")[0] ?? "";
        if (!/^\/(assets\/(inter-)?landing-|robots\.txt|sitemap\.xml)/.test(url) || !prepared) return next();
        prepared
          .then(({ files }) => {
            const file = files.find((f) => `/${f.fileName}` === url);
            if (!file) return next();
            const types: Record<string, string> = {
              avif: "image/avif",
              webp: "image/webp",
              woff2: "font/woff2",
              xml: "application/xml",
            };
            const type = types[url.split(".").pop() ?? ""] ?? "text/plain";
            res.setHeader("Content-Type", type);
            res.end(file.source);
          })
          .catch(next);
      });
    },
    transformIndexHtml: {
      order: "post",
      async handler(html, ctx) {
        const dev = !!ctx.server;
        if (dev ? ctx.path !== "/index.html" && ctx.path !== "/" : !isTemplate(ctx.filename)) return html;
        prepared ??= prepare(config, siteUrl);
        const { html: rendered, tags } = await prepared;
        return { html: inject(html, rendered), tags };
      },
    },
  };
}
