import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { negotiateLanguage, UI_LANGUAGE_IDS } from "@image-studio/shared/languages";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../context";
import { compressedPages } from "./compressed-pages";
import { setResponseHeader } from "../middleware/response-headers";
import { shareHead, withShareHead } from "../modules/share/share.meta";
import { communityHead, profileHead } from "../modules/community/community.meta";

const NO_CACHE = new Set(["/index.html", "/sw.js", "/manifest.webmanifest", "/registerSW.js"]);

/**
 * Stands for the site's origin in the prerendered landing, robots.txt and sitemap.xml when they were built without
 * SITE_URL (client/landing/build/seo.ts, same string). Filled with APP_URL when served, so canonical, Open Graph
 * and sitemap URLs name the address this server is published at. The service worker's precache keys index.html
 * by its build hash, not its bytes, so filling it in does not unsettle the precache.
 */
export const SITE_ORIGIN_PLACEHOLDER = "https://site-origin.image-studio.invalid";

/** `text` with the placeholder (also URL-encoded, as in share links) replaced by APP_URL (no trailing slash). */
export function fillSiteOrigin(text: string, appUrl: string): string {
  const url = new URL(appUrl);
  const site = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return text
    .replaceAll(SITE_ORIGIN_PLACEHOLDER, site)
    .replaceAll(encodeURIComponent(SITE_ORIGIN_PLACEHOLDER), encodeURIComponent(site));
}

const SEO_FILES: Record<string, string> = {
  "/robots.txt": "text/plain; charset=utf-8",
  "/sitemap.xml": "application/xml",
};

/**
 * Serves the built SPA: hashed assets cached for a year, index.html and the service worker never cached,
 * and history fallback to index.html for client routes (never for /api).
 */
export function mountSpa(app: Hono<AppEnv>, root: string) {
  if (!existsSync(path.join(root, "index.html"))) return false;
  const rel = path.relative(process.cwd(), root) || ".";
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    await next();
    const p = c.req.path;
    if (p.startsWith("/assets/")) setResponseHeader(c, "Cache-Control", "public, max-age=31536000, immutable");
    else if (NO_CACHE.has(p) || p === "/" || !path.extname(p)) setResponseHeader(c, "Cache-Control", "no-cache");
    else if (!c.res.headers.get("Cache-Control")) setResponseHeader(c, "Cache-Control", "public, max-age=3600");
  });
  const seo = Object.entries(SEO_FILES).flatMap(([p, type]) => {
    const file = path.join(root, p);
    return existsSync(file) ? [{ p, type, text: readFileSync(file, "utf8") }] : [];
  });
  for (const { p, type, text } of seo) {
    app.get(p, (c) => {
      c.header("Content-Type", type);
      return c.body(fillSiteOrigin(text, c.get("deps").env.APP_URL));
    });
  }
  // The pages below that are the same for every visitor go out compressed once (Brotli 11), not on every request.
  const sendPage = compressedPages();
  const indexHtml = readFileSync(path.join(root, "index.html"), "utf8");
  // The landing as the service worker precaches it (/index.html) and as browsers and crawlers open it (/).
  const landing = (c: Context<AppEnv>) => sendPage(c, fillSiteOrigin(indexHtml, c.get("deps").env.APP_URL));
  app.get("/", landing);
  app.get("/index.html", landing);
  // Scripts, styles and the like are sent as the build compressed them (scripts/precompress.mjs writes a .br and a .gz
  // beside each), chosen by Accept-Encoding. Only files known to have them are looked for that way (a miss would cost
  // two failed stat calls a request); the others go through the runtime compressor as before.
  const packed = precompressedPaths(root);
  const files = serveStatic({ root: rel });
  const packedFiles = serveStatic({ root: rel, precompressed: true });
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return (packed.has(c.req.path) ? packedFiles : files)(c, next);
  });
  const appHtmlPath = path.join(root, "app.html");
  const appHtml = existsSync(appHtmlPath) ? readFileSync(appHtmlPath, "utf8") : indexHtml;
  // A share page: the same shell, with a head that unfurls in chat apps (only for open links; never noindex-less).
  app.get("/s/:token", async (c) => {
    const head = await shareHead(c.get("deps"), c.req.param("token"));
    c.header("Cache-Control", "no-cache");
    if (!head.indexable) c.header("X-Robots-Tag", "noindex, nofollow");
    return c.html(withShareHead(appHtml, head));
  });
  // Public profiles and the community page: indexable while they show published images.
  app.get("/u/:handle", async (c) => {
    const head = await profileHead(c.get("deps"), c.req.param("handle"));
    c.header("Cache-Control", "no-cache");
    if (!head.indexable) c.header("X-Robots-Tag", "noindex, nofollow");
    return c.html(withShareHead(appHtml, head), head.title.startsWith("Profile not found") ? 404 : 200);
  });
  app.get("/community", async (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(withShareHead(appHtml, await communityHead(c.get("deps"))));
  });
  const prerendered = prerenderedPages(app, root, appHtml);
  for (const route of prerendered.routes) {
    const signedIn = prerendered.signedIn(route);
    app.get(route, async (c) => {
      c.header("Cache-Control", "no-cache");
      c.header("Vary", signedIn ? "Accept-Language, Cookie" : "Accept-Language");
      // An OAuth error shows an alert the prerender does not have: the app renders that page by itself. A signed-in
      // frame is the page in its default state: a link that asks for another (a search, a view) gets the plain shell.
      if (c.req.query("error") !== undefined || (signedIn && new URL(c.req.url).search)) return sendPage(c, appHtml);
      return sendPage(c, await prerendered.page(route, c.req.header("Accept-Language"), c.req.header("Cookie")));
    });
  }
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/") || path.extname(c.req.path)) return next();
    c.header("Cache-Control", "no-cache");
    // Every app route boots from the app shell (the landing page at / is answered above).
    return sendPage(c, appHtml);
  });
  return true;
}

/** What the build's prerender holds for a page (client/src/app/prerender/entry.tsx, `PrerenderedPage`). */
interface PrerenderedPage {
  title: Record<string, string>;
  markup: Record<string, Record<string, string>>;
  signedIn?: true;
}

/** The URL paths of the built files that have a precompressed copy (`<file>.br` or `<file>.gz`) beside them. */
function precompressedPaths(root: string): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const match = /^(.+)\.(br|gz)$/.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    const file = path.join(entry.parentPath, match[1]!);
    if (existsSync(file)) paths.add(`/${path.relative(root, file).split(path.sep).join("/")}`);
  }
  return paths;
}

/** The build's prerendered signed-out pages (client/landing/build/app-pages.ts). */
export const APP_PAGES_FILE = "app-pages.json";

/**
 * The pages the build prerendered, answered as app.html with the page's markup in `#root`, in the visitor's language
 * (Accept-Language; app.html's inline script hides it when this device chose another) and for this server's auth
 * config (the dev-mail banner, the sign-in providers — read once from /api/auth/config, the answer the app itself
 * gets). The app renders over it. Signed-out pages (/sign-in) go to everyone; a signed-in page's frame (/gallery:
 * the layout and the page before its data) only to a request whose session /api/auth/me accepts — anyone else gets
 * the plain shell, which sends them to sign in as before. No file (a dev build): no routes.
 */
function prerenderedPages(app: Hono<AppEnv>, root: string, appHtml: string) {
  const file = path.join(root, APP_PAGES_FILE);
  const pages: Record<string, PrerenderedPage> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let configKey: Promise<string | null> | undefined;
  const readConfigKey = async () => {
    const res = await app.request("/api/auth/config");
    if (!res.ok) return null;
    const config = (await res.json()) as { devMailbox: boolean; providers: { github: boolean; google: boolean } };
    // The same key as the prerender's configKey(): "dev-mailbox, GitHub, Google" as three bits (a signed-in frame
    // uses the first only).
    return `${+config.devMailbox}${+config.providers.github}${+config.providers.google}`;
  };
  /**
   * The session these cookies carry, if the API accepts one (the check every API request makes): whether it is a
   * "Try demo" guest's, who sees no dev-mail banner.
   */
  const sessionOf = async (cookie: string | undefined): Promise<{ guest: boolean } | null> => {
    if (!cookie?.includes(".session_token=")) return null;
    const res = await app.request("/api/auth/me", { headers: { cookie } });
    if (!res.ok) return null;
    const me = (await res.json()) as { user?: { isGuest?: boolean } };
    return { guest: me.user?.isGuest === true };
  };
  const shellStart = '<div id="root"></div>';
  if (Object.keys(pages).length && !appHtml.includes(shellStart)) throw new Error(`app.html lost its ${shellStart}`);
  return {
    routes: Object.keys(pages),
    signedIn: (route: string) => pages[route]?.signedIn === true,
    async page(route: string, acceptLanguage: string | undefined, cookie: string | undefined): Promise<string> {
      const page = pages[route]!;
      configKey ??= readConfigKey().catch(() => null);
      const [key, session] = await Promise.all([configKey, page.signedIn ? sessionOf(cookie) : null]);
      if (key === null) {
        configKey = undefined; // asked again next time
        return appHtml;
      }
      if (page.signedIn && !session) return appHtml;
      const lang = negotiateLanguage(acceptLanguage, UI_LANGUAGE_IDS, "en");
      // A signed-in frame shows the dev-mail banner where the app does: the dev mailbox on, and not to a guest.
      const variant = page.signedIn ? (session?.guest ? "0" : key.slice(0, 1)) : key;
      const markup = page.markup[lang]?.[variant];
      const title = page.title[lang];
      if (!markup || !title) return appHtml;
      const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      // "check": app.html's inline script shows the markup only if the app will render the same; "check-app": a
      // signed-in frame, whose session was checked here.
      const check = page.signedIn ? "check-app" : "check";
      return appHtml
        .replace('<html lang="en">', () => `<html lang="${lang}" data-prerendered="${check}">`)
        .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped}</title>`)
        .replace(shellStart, () => `<div id="root"><div data-prerender inert>${markup}</div></div>`);
    },
  };
}
