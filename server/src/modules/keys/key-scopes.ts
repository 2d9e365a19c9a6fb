import type { ApiKeyScope } from "@image-studio/shared";

/**
 * What an API key may call, by route (`METHOD /path` as Hono's route table names it, patterns stripped).
 * Default deny: only the product's resource areas are open to keys; a route outside them (account, auth, keys, teams,
 * webhook endpoints, admin, sync, dev, settings, anything added later) answers 403 to a key until it is listed.
 *
 *   read      every GET (and the POSTs that only read: exports and bulk downloads), the public community included
 *   generate  starting, cancelling and retrying generation/iteration/batch jobs, and uploading their inputs
 *   manage    every other write to the user's images, projects, collections, prompts and share links
 * Credits and activity are readable with `read`; their writes (redeem, limits, checkout) are not for keys.
 */
export type KeyAccess = { allowed: true; scope: ApiKeyScope } | { allowed: false };

const OPEN_AREAS = [
  "/api/images",
  "/api/generate",
  "/api/batches",
  "/api/uploads",
  "/api/projects",
  "/api/collections",
  "/api/prompts",
  "/api/search",
  "/api/usage",
  "/api/credits",
  "/api/activity",
  "/api/share",
  "/api/community",
  "/api/models",
  "/api/health",
  "/api/avatars",
  "/api/openapi.json",
  "/api/docs",
];
const MANAGED_AREAS = ["/api/images", "/api/projects", "/api/collections", "/api/prompts", "/api/share"];
const ITERATIONS = ["variation", "upscale", "remix", "inpaint", "outpaint", "remove-background", "style-transfer", "animate"];
const READ_ONLY_POSTS = new Set([
  "POST /api/images/metadata/export",
  "POST /api/images/bulk-download",
  "POST /api/projects/:id/export",
]);

const under = (path: string, area: string) => path === area || path.startsWith(`${area}/`);

function isGeneration(path: string): boolean {
  if (under(path, "/api/generate") || under(path, "/api/batches") || under(path, "/api/uploads")) return true;
  if (path === "/api/images/generate") return true;
  const m = /^\/api\/images\/:id\/([a-z-]+)$/.exec(path);
  return !!m && ITERATIONS.includes(m[1]!);
}

/** The scope a key needs for `method path` (a route-table path), or that keys may not call it at all. */
export function keyAccess(method: string, path: string): KeyAccess {
  if (!OPEN_AREAS.some((a) => under(path, a))) return { allowed: false };
  if (method === "GET" || method === "HEAD" || READ_ONLY_POSTS.has(`${method} ${path}`))
    return { allowed: true, scope: "read" };
  if (isGeneration(path)) return { allowed: true, scope: "generate" };
  if (MANAGED_AREAS.some((a) => under(path, a))) return { allowed: true, scope: "manage" };
  return { allowed: false };
}

/** `/api/images/:id{[0-9a-fA-F-]{36}}/file/:variant` → `/api/images/:id/file/:variant`. */
export function stripPatterns(path: string): string {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
