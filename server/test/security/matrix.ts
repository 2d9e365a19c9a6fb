import { randomUUID } from "node:crypto";
import { TEST_PASSWORD } from "../harness";
import { type Ids, type Kind, LOCAL_MODEL } from "./world";

/**
 * The access matrix: one line per /api route, keyed `METHOD /path` exactly as Hono's route table names it
 * (regex constraints like `{[0-9a-fA-F-]{36}}` left out). A route without a line fails the suite.
 *
 *  pub(reason)        anyone may call it; the reason says why (or what else guards it).
 *  user(opts)         signed-in users only: anonymous 401; a signed-in user gets `status` and never the owner's data.
 *  owned(kind, opts)  addresses one of the owner's resources (`:id` = a fresh `kind`): anonymous 401, another user
 *                     `other` (404 unless said) and never the owner's data, the owner's data unchanged, the owner `status`.
 *  admin(kind, opts)  administrators only: anonymous 401, a user 403, an administrator `status`.
 *
 * Bodies and paths may be functions of the fresh ids. `sample` bodies/queries also seed the bad-input corpus.
 */
export type Body = Record<string, unknown> | ((ids: Ids) => unknown);
export interface RowOptions {
  body?: Body;
  query?: Record<string, string>;
  /** Expected status for the caller who may use the route (default 200). */
  status?: number;
  /** Expected status for another user (owned rows; default 404). */
  other?: number;
  /** A concrete path when the key's parameters are not ids (model ids, file variants, catch-alls). */
  path?: (ids: Ids) => string;
  /** Extra resources the body refers to. */
  also?: Kind[];
  /** Run as a throwaway user (the call signs out or deletes its caller). */
  throwaway?: boolean;
  /** A multipart upload instead of JSON. */
  multipart?: "upload" | "avatar";
  /** A long-lived stream (SSE): only the status is read. */
  stream?: boolean;
  /**
   * A health report that answers 503 with `status: "degraded"` when a component is down — on the shared PostgreSQL
   * test database, other files' jobs may wait with no worker. That 503 is the report, not a server error.
   */
  healthReport?: boolean;
  /** Never called by the suite (it would disturb other test files sharing the database); the reason says why. */
  noCall?: string;
}
export interface Row extends RowOptions {
  access: "public" | "user" | "owned" | "admin";
  kind?: Kind;
  reason?: string;
}

const pub = (reason: string, opts: RowOptions = {}): Row => ({ access: "public", reason, ...opts });
const user = (opts: RowOptions = {}): Row => ({ access: "user", ...opts });
const owned = (kind: Kind, opts: RowOptions = {}): Row => ({ access: "owned", kind, ...opts });
const admin = (kind?: Kind, opts: RowOptions = {}): Row => ({ access: "admin", kind, ...opts });

const ids1 = (i: Ids) => ({ imageIds: [i.image] });
const t2i = { prompt: "a lighthouse", modelId: LOCAL_MODEL };
/** Every filter of the gallery list (the corpus varies each key). */
const GALLERY_QUERY = {
  sort: "date",
  order: "desc",
  cursor: "",
  limit: "10",
  q: "harbour",
  from: "2020-01-01",
  to: "2999-12-31",
  tags: "a",
  modelId: LOCAL_MODEL,
  minRating: "1",
  minWidth: "1",
  minMegapixels: "0",
  favorite: "false",
  aspect: "square",
  trash: "false",
  projectId: "none",
};
const NEW_PASSWORD = "another long passphrase 42";
const AUTH = "Better Auth's own endpoints: sign-in and sign-up are open by nature, the rest check their session or token";
const MAILBOX = "mail of a server without SMTP: local-only by default (DEV_MAILBOX), covered by the auth tests";

export const MATRIX: Record<string, Row> = {
  // Accounts (auth/, account/, admin/)
  "GET /api/auth/config": pub("the sign-in page reads which sign-in methods exist"),
  "POST /api/auth/register": pub("creating an account", { body: () => ({ name: "New", email: `n-${randomUUID()}@example.test`, password: TEST_PASSWORD }), status: 201 }),
  "POST /api/auth/login": pub("signing in", { body: { email: "nobody@example.test", password: TEST_PASSWORD } }),
  "POST /api/auth/logout": pub("signing out without a session changes nothing"),
  "GET /api/auth/me": user(),
  // A full account has nothing to upgrade (409); a guest gets 202 (server/test/auth/guest-upgrade.test.ts).
  "POST /api/auth/guest/upgrade": user({ status: 409, body: () => ({ name: "Dana", email: `g-${randomUUID()}@example.test`, password: TEST_PASSWORD }) }),
  "GET /api/auth/session": pub("answers null when signed out (the app's session polling)"),
  "POST /api/auth/verify-email": pub("the emailed token is the credential", { body: { token: "x" } }),
  "POST /api/auth/resend-verification": pub("same answer for every address", { body: { email: "nobody@example.test" } }),
  "POST /api/auth/forgot-password": pub("same answer for every address", { body: { email: "nobody@example.test" } }),
  "POST /api/auth/reset-password": pub("the emailed token is the credential", { body: { token: "x", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
  "PUT /api/auth/profile": user({ body: { name: "Renamed" } }),
  "PUT /api/auth/change-password": user({ throwaway: true, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } }),
  "GET /api/auth/*": pub(AUTH, { path: () => "/api/auth/get-session" }),
  "POST /api/auth/*": pub(AUTH, { path: () => "/api/auth/sign-in/email", body: { email: "nobody@example.test", password: TEST_PASSWORD } }),
  "GET /api/dev/mailbox": pub(MAILBOX, { query: { to: "nobody@example.test", limit: "5" } }),
  // Clears only the named recipient's mail, so the other test files' links stay where they are.
  "DELETE /api/dev/mailbox": admin(undefined, { query: { to: "nobody@example.test" } }),
  "POST /api/account/avatar": user({ multipart: "avatar", status: 201 }),
  "DELETE /api/account/avatar": user(),
  "GET /api/account/sessions": user(),
  "DELETE /api/account/sessions/:id": owned("session"),
  "POST /api/account/sessions/revoke-others": user({ throwaway: true }),
  "POST /api/account/sessions/revoke-all": user({ throwaway: true }),
  "PUT /api/account/onboarding": user({ body: { step: "welcome", done: true } }),
  "GET /api/account/export": user(),
  "POST /api/account/delete": user({ throwaway: true, body: { password: TEST_PASSWORD, confirm: "DELETE" } }),
  "GET /api/avatars/:userId": pub("avatars are public unless their owner hides them (then a 404: profile tests)", { path: (i) => `/api/avatars/${i.user}`, also: ["user"], query: { size: "64", v: "1" } }),
  "GET /api/admin/users": admin(undefined, { query: { q: "a", page: "1", pageSize: "5", status: "all" } }),
  "GET /api/admin/users/:id": admin("user"),
  "PATCH /api/admin/users/:id": admin("user", { body: { isActive: true } }),
  "POST /api/admin/users/:id/ban": admin("user", { body: { reason: "spam" } }),
  "POST /api/admin/users/:id/unban": admin("user"),
  "POST /api/admin/users/:id/credits": admin("user", { body: { amount: 5, note: "gift" } }),
  "GET /api/admin/stats": admin(),
  // The catalog is global (and the database is shared with other test files on PostgreSQL): the suite toggles a
  // model that does not exist, so the admin's answer is a 404 and no other test sees a model switch off.
  "PUT /api/admin/models/:id/toggle": admin(undefined, { path: () => "/api/admin/models/local/no-such-model/toggle", body: { isActive: true }, status: 404 }),
  // Catalog and health
  "GET /api/health": pub("health for monitors and the app's offline check: figures only, no user data", { healthReport: true }),
  "GET /api/health/live": pub("liveness probe for a load balancer: the process answers"),
  "GET /api/health/ready": pub("readiness probe: database reachable and migrated; queue figures, no user data"),
  "GET /api/models": pub("the model catalog is public (landing page)"),
  "GET /api/models/featured": pub("the model catalog is public (landing page)"),
  "GET /api/models/categories": pub("the model catalog is public (landing page)"),
  "GET /api/models/:id": pub("the model catalog is public (landing page)", { path: () => `/api/models/${LOCAL_MODEL}` }),
  "POST /api/webhooks/fal": pub("fal's callback: its signature is checked over the raw body first", { body: { request_id: "x", status: "OK" }, status: 401 }),
  // Generation and iteration
  "POST /api/generate/text-to-image": user({ body: t2i, status: 202 }),
  "POST /api/images/generate": user({ body: t2i, status: 202 }),
  "POST /api/generate/estimate": user({ body: { modelId: LOCAL_MODEL, operation: "text-to-image", parameters: {} } }),
  "GET /api/generate/queue": user({ query: { limit: "10", cursor: "2026-01-01T00:00:00Z" } }),
  "GET /api/generate/history": user({ query: { limit: "10", cursor: "2026-01-01T00:00:00Z" } }),
  "GET /api/generate/events": user({ stream: true }),
  "GET /api/generate/queue/:id": owned("job"),
  "GET /api/generate/queue/:id/status": owned("job"),
  "DELETE /api/generate/queue/:id": owned("job"),
  "POST /api/generate/queue/:id/retry": owned("cancelledJob", { status: 202 }),
  "POST /api/generate/image-to-image": owned("image", { body: (i) => ({ ...t2i, sourceImageId: i.image }), status: 202 }),
  "POST /api/uploads": user({ multipart: "upload", status: 201 }),
  "POST /api/images/:id/variation": owned("image", { body: { count: 1 }, status: 202 }),
  "POST /api/images/:id/upscale": owned("image", { body: { scale: 2 }, status: 202 }),
  "POST /api/images/:id/remix": owned("image", { body: { prompt: "at night" }, status: 202 }),
  "POST /api/images/:id/inpaint": owned("image", { body: (i) => ({ maskUploadId: i.upload, prompt: "a boat" }), also: ["upload"], status: 202 }),
  "POST /api/images/:id/outpaint": owned("image", { body: { extend: { right: 64 } }, status: 202 }),
  "POST /api/images/:id/remove-background": owned("image", { body: {}, status: 202 }),
  "POST /api/images/:id/style-transfer": owned("image", { body: (i) => ({ styleUploadId: i.upload }), also: ["upload"], status: 202 }),
  "GET /api/images/:id/lineage": owned("image"),
  // Gallery
  "GET /api/images": user({ query: GALLERY_QUERY }),
  "GET /api/images/facets": user(),
  "GET /api/images/duplicates": user({ query: { threshold: "4", cursor: "0", limit: "5" } }),
  "GET /api/images/trash/settings": user(),
  "PUT /api/images/trash/settings": user({ body: { autoDeleteDays: 30 } }),
  "POST /api/images/trash/empty": user(),
  "GET /api/images/metadata/export": user({ query: { format: "csv", q: "x", from: "2020-01-01", to: "2999-12-31", tags: "a", minRating: "1" } }),
  "POST /api/images/metadata/export": owned("image", { body: ids1, other: 200 }),
  "POST /api/images/bulk-download": owned("image", { body: ids1 }),
  "POST /api/images/bulk-delete": owned("image", { body: ids1, other: 200 }),
  "POST /api/images/bulk-restore": owned("image", { body: ids1, other: 200 }),
  "POST /api/images/bulk-purge": owned("image", { body: ids1, other: 200 }),
  "POST /api/images/bulk-move": owned("image", { body: (i) => ({ ...ids1(i), projectId: null }), other: 200 }),
  "POST /api/images/bulk-tag": owned("image", { body: (i) => ({ ...ids1(i), add: ["x"] }), other: 200 }),
  "POST /api/images/bulk-favorite": owned("image", { body: (i) => ({ ...ids1(i), favorite: true }), other: 200 }),
  "GET /api/images/download/:id": owned("image"),
  "GET /api/images/:id": owned("image"),
  "PUT /api/images/:id": owned("image", { body: { rating: 3 } }),
  "PATCH /api/images/:id": owned("image", { body: { notes: "n" } }),
  "DELETE /api/images/:id": owned("image"),
  "POST /api/images/:id/restore": owned("image"),
  "DELETE /api/images/:id/permanent": owned("image"),
  "POST /api/images/:id/favorite": owned("image", { body: { favorite: true } }),
  "POST /api/images/:id/rate": owned("image", { body: { rating: 4 } }),
  "GET /api/images/:id/metadata": owned("image"),
  "GET /api/images/:id/file/:variant": owned("image", { path: (i) => `/api/images/${i.image}/file/thumb-256` }),
  "GET /api/images/:id/similar": owned("image", { query: { threshold: "8", limit: "5" } }),
  "GET /api/images/:id/related": owned("image"),
  "GET /api/images/:id/comments": owned("image"),
  "POST /api/images/:id/comments": owned("image", { body: { text: "nice" }, status: 201 }),
  "PUT /api/images/:id/comments/:commentId": owned("image", { body: { text: "edited" } }),
  "DELETE /api/images/:id/comments/:commentId": owned("image"),
  "GET /api/search/images": user({ query: { q: "harbour", cursor: "", limit: "10" } }),
  "GET /api/usage/storage": user(),
  // Projects
  "GET /api/search/projects": user({ query: { q: "project", limit: "5" } }),
  "GET /api/projects": user({ query: { archived: "all", templates: "false", tag: "x", q: "p" } }),
  "POST /api/projects": user({ body: () => ({ id: randomUUID(), name: "Mine" }), status: 201 }),
  "GET /api/projects/:id": owned("project"),
  "PUT /api/projects/:id": owned("project", { body: { name: "Renamed" } }),
  "DELETE /api/projects/:id": owned("project"),
  "GET /api/projects/:id/images": owned("project", { query: { sort: "date", cursor: "", limit: "5", from: "2020-01-01" } }),
  "POST /api/projects/:id/images/add": owned("project", { body: ids1 }),
  "DELETE /api/projects/:id/images/:imageId": owned("project"),
  "POST /api/projects/:id/duplicate": owned("project", { body: {}, status: 201 }),
  "POST /api/projects/:id/template": owned("project", { body: {}, status: 201 }),
  "PUT /api/projects/:id/archive": owned("project", { body: { archived: true } }),
  "GET /api/projects/:id/stats": owned("project"),
  "POST /api/projects/:id/export": owned("project"),
  // Collections
  "GET /api/collections": user(),
  "POST /api/collections": user({ body: () => ({ id: randomUUID(), name: "Mine" }), status: 201 }),
  "GET /api/collections/:id": owned("collection"),
  "PUT /api/collections/:id": owned("collection", { body: { name: "Renamed" } }),
  "DELETE /api/collections/:id": owned("collection"),
  "POST /api/collections/:id/images": owned("collection", { body: ids1 }),
  "DELETE /api/collections/:id/images/:imageId": owned("collection"),
  "PUT /api/collections/:id/reorder": owned("collection", { body: (i) => ({ imageId: i.image, afterImageId: null }) }),
  // Settings and prompts
  "GET /api/settings": user(),
  "PUT /api/settings": user({ body: { theme: "dark" } }),
  "GET /api/settings/defaults": user(),
  "PUT /api/settings/defaults": user({ body: { defaultModelId: LOCAL_MODEL } }),
  "GET /api/settings/presets": user(),
  // An upsert by client-minted id: another user's PUT makes a preset of their own (the owner's stays as it was).
  "PUT /api/settings/presets/:id": owned("preset", { body: { name: "Mine", modelId: LOCAL_MODEL, parameters: {} }, other: 200 }),
  "DELETE /api/settings/presets/:id": owned("preset"),
  "GET /api/prompts": user(),
  "POST /api/prompts": user({ body: () => ({ id: randomUUID(), title: "Mine", promptText: "a fox" }), status: 201 }),
  "GET /api/prompts/:id": owned("prompt"),
  "PUT /api/prompts/:id": owned("prompt", { body: { title: "Renamed" } }),
  "DELETE /api/prompts/:id": owned("prompt"),
  // Sync (the per-mutation matrix is in server/src/modules/sync/sync.authz.test.ts)
  "GET /api/sync/pull": user({ query: { cursor: "0", limit: "10" } }),
  "POST /api/sync/push": user({ body: () => ({ mutations: [{ id: randomUUID(), type: "prompt.create", prompt: { id: randomUUID(), title: "t", promptText: "p" } }] }) }),
};
