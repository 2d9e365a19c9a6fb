import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../context";
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
    if (p.startsWith("/assets/")) c.header("Cache-Control", "public, max-age=31536000, immutable");
    else if (NO_CACHE.has(p) || p === "/" || !path.extname(p)) c.header("Cache-Control", "no-cache");
    else if (!c.res.headers.get("Cache-Control")) c.header("Cache-Control", "public, max-age=3600");
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
  const indexHtml = readFileSync(path.join(root, "index.html"), "utf8");
  // The landing as the service worker precaches it (/index.html) and as browsers and crawlers open it (/).
  const landing = (c: Context<AppEnv>) => c.html(fillSiteOrigin(indexHtml, c.get("deps").env.APP_URL));
  app.get("/", landing);
  app.get("/index.html", landing);
  app.use("*", async (c, next) => (c.req.path.startsWith("/api/") ? next() : serveStatic({ root: rel })(c, next)));
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
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/") || path.extname(c.req.path)) return next();
    c.header("Cache-Control", "no-cache");
    // Every app route boots from the app shell (the landing page at / is answered above).
    return c.html(appHtml);
  });
  return true;
}
