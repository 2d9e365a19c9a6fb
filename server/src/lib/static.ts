import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "../context";

const NO_CACHE = new Set(["/index.html", "/sw.js", "/manifest.webmanifest", "/registerSW.js"]);

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
  app.use("*", async (c, next) => (c.req.path.startsWith("/api/") ? next() : serveStatic({ root: rel })(c, next)));
  const indexHtml = readFileSync(path.join(root, "index.html"), "utf8");
  const appHtmlPath = path.join(root, "app.html");
  const appHtml = existsSync(appHtmlPath) ? readFileSync(appHtmlPath, "utf8") : indexHtml;
  app.get("*", (c, next) => {
    if (c.req.path.startsWith("/api/") || path.extname(c.req.path)) return next();
    c.header("Cache-Control", "no-cache");
    // The landing page is the prerendered index.html; every app route boots from the app shell.
    return c.html(c.req.path === "/" ? indexHtml : appHtml);
  });
  return true;
}
