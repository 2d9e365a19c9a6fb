import { randomUUID } from "node:crypto";
import { TEST_PASSWORD } from "../harness";
import { GENERATION_ROWS } from "./matrix-generation";
import { TEAM_ROWS } from "./matrix-teams";
import { admin, ids1, owned, pub, type Row, user } from "./matrix-types";
import { LOCAL_MODEL } from "./world";

export type { Body, Row, RowOptions } from "./matrix-types";

const REVIEW = { verdict: "changes_requested", note: "Warmer light", reviewerName: "Ana", reviewerId: randomUUID() };
const NEW_PASSWORD = "another long passphrase 42";
const AUTH = "Better Auth's own endpoints: sign-in and sign-up are open by nature, the rest check their session or token";
const SHARE_TOKEN = "a share link: the 256-bit token opens exactly what it names (token scope, password and expiry in test/share)";
const COMMUNITY = "the community: published images of users with a public handle, never account data; a file answers only while its image is published";
const MAILBOX = "mail of a server without SMTP: local-only by default (DEV_MAILBOX), covered by the auth tests";

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
  "POST /api/account/export": user(),
  // The suite's multipart body is a PNG, not an archive: a clean 400 (the round trip is in test/account-data).
  "POST /api/account/import": user({ multipart: "upload", status: 400 }),
  "GET /api/account/retention": user(),
  "PUT /api/account/retention": user({ body: { trashAutoDeleteDays: 30, draftAutoDeleteDays: null } }),
  "POST /api/account/delete": user({ throwaway: true, body: { password: TEST_PASSWORD, confirm: "DELETE" } }),
  "GET /api/avatars/:userId": pub("avatars are public unless their owner hides them (then a 404: profile tests)", { path: (i) => `/api/avatars/${i.user}`, also: ["user"], query: { size: "64", v: "1" } }),
  "GET /api/admin/users": admin(undefined, { query: { q: "a", page: "1", pageSize: "5", status: "all" } }),
  "GET /api/admin/users/:id": admin("user"),
  "PATCH /api/admin/users/:id": admin("user", { body: { isActive: true } }),
  "POST /api/admin/users/:id/ban": admin("user", { body: { reason: "spam" } }),
  "POST /api/admin/users/:id/unban": admin("user"),
  "POST /api/admin/users/:id/credits": admin("user", { body: { amount: 5, note: "gift" } }),
  "GET /api/admin/stats": admin(),
  // The fresh prompt is private: nothing to unpublish, so an administrator gets the unknown-prompt 404.
  "POST /api/admin/prompts/:id/unpublish": admin("prompt", { status: 404 }),
  // The catalog is global (and the database is shared with other test files on PostgreSQL): the suite toggles a
  // model that does not exist, so the admin's answer is a 404 and no other test sees a model switch off.
  "GET /api/admin/models": admin(),
  "PUT /api/admin/models/:id/toggle": admin(undefined, { path: () => "/api/admin/models/local/no-such-model/toggle", body: { isActive: true }, status: 404 }),
  "GET /api/admin/usage-overview": admin(undefined, { query: { days: "7" } }),
  "GET /api/admin/audit-log": admin(undefined, { query: { limit: "5", action: "user.", targetType: "user", targetId: "x" } }),
  "GET /api/admin/jobs": admin(undefined, { query: { limit: "5", status: "failed", modelId: LOCAL_MODEL, q: "example" } }),
  "POST /api/admin/jobs/:id/cancel": admin("job"),
  "POST /api/admin/jobs/:id/retry": admin("cancelledJob", { status: 202 }),
  "GET /api/admin/users/:id/usage": admin("user"),
  "DELETE /api/admin/users/:id": admin("user"),
  "GET /api/admin/announcements": admin(undefined, { query: { modelId: LOCAL_MODEL, limit: "5" } }),
  // Posting for a real model notifies every user of it (other test files' users on the shared database): the suite
  // names a model that does not exist, so the admin's answer is a 400 (server/test/admin covers a real post).
  "POST /api/admin/announcements": admin(undefined, { body: { modelId: "local/no-such-model", kind: "update", title: "News", body: "Details" }, status: 400 }),
  "DELETE /api/admin/announcements/:id": admin(undefined, { path: () => `/api/admin/announcements/${randomUUID()}`, status: 404 }),
  // Catalog and health
  "GET /api/health": pub("health for monitors and the app's offline check: figures only, no user data", { healthReport: true }),
  "GET /api/health/live": pub("liveness probe for a load balancer: the process answers"),
  "GET /api/health/ready": pub("readiness probe: database reachable and migrated; queue figures, no user data"),
  "GET /api/models": pub("the model catalog is public (landing page)"),
  "GET /api/models/featured": pub("the model catalog is public (landing page)"),
  "GET /api/models/categories": pub("the model catalog is public (landing page)"),
  "GET /api/models/status": pub("each catalog model's status: catalog-level figures, no user data"),
  "GET /api/models/announcements": pub("model announcements are public news about the catalog", { query: { modelId: LOCAL_MODEL, limit: "5" } }),
  "GET /api/models/:id/stats": pub("measured speed and success rate of a model: install-wide figures, no user data", { path: () => `/api/models/${LOCAL_MODEL}/stats` }),
  "GET /api/models/:id/samples": pub("a model's sample pictures are public catalog content", { path: () => `/api/models/${LOCAL_MODEL}/samples` }),
  "GET /api/models/samples/:sampleId": pub("a sample picture of a model (catalog content, no user's image)", { path: () => `/api/models/samples/${randomUUID()}`, status: 404 }),
  "GET /api/models/:id": pub("the model catalog is public (landing page)", { path: () => `/api/models/${LOCAL_MODEL}` }),
  "POST /api/webhooks/fal": pub("fal's callback: its signature is checked over the raw body first", { body: { request_id: "x", status: "OK" }, status: 401 }),
  ...GENERATION_ROWS,
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
  // Share links (share/): the owner's side is owned/user; the token-scoped reads are public by nature.
  "GET /api/share": user(),
  "POST /api/share/image/:id": owned("image", { body: { allowDownload: false, showPrompt: false, expiresIn: "7d" }, status: 201 }),
  "POST /api/share/project/:id": owned("project", { body: { password: "open sesame" }, status: 201 }),
  "POST /api/share/collection/:id": owned("collection", { body: {}, status: 201 }),
  "POST /api/images/:id/share": owned("image", { body: {}, status: 201 }),
  "POST /api/projects/:id/share": owned("project", { body: {}, status: 201 }),
  "PATCH /api/share/:token": owned("share", { body: { allowDownload: false } }),
  "DELETE /api/share/:token": owned("share"),
  "GET /api/share/image/:token": pub(SHARE_TOKEN, { also: ["share"], path: (i) => `/api/share/image/${i.share}`, status: 200 }),
  "GET /api/share/project/:token": pub(SHARE_TOKEN, { path: () => `/api/share/project/${"p".repeat(43)}`, status: 404 }),
  "GET /api/share/collection/:token": pub(SHARE_TOKEN, { path: () => `/api/share/collection/${"c".repeat(43)}`, status: 404 }),
  "POST /api/share/:token/unlock": pub(SHARE_TOKEN, { also: ["share"], path: (i) => `/api/share/${i.share}/unlock`, body: { password: "anything" } }),
  "GET /api/share/project/:token/reviews": pub(SHARE_TOKEN, { path: () => `/api/share/project/${"p".repeat(43)}/reviews`, query: { reviewerId: randomUUID() }, status: 404 }),
  "PUT /api/share/project/:token/reviews/:imageId": pub(SHARE_TOKEN, { path: (i) => `/api/share/project/${"p".repeat(43)}/reviews/${i.image}`, body: REVIEW, status: 404 }),
  "GET /api/share/collection/:token/reviews": pub(SHARE_TOKEN, { path: () => `/api/share/collection/${"c".repeat(43)}/reviews`, status: 404 }),
  "PUT /api/share/collection/:token/reviews/:imageId": pub(SHARE_TOKEN, { path: (i) => `/api/share/collection/${"c".repeat(43)}/reviews/${i.image}`, body: REVIEW, status: 404 }),
  "GET /api/images/:id/reviews": owned("image"),
  "GET /api/share/:token/files/:imageId/:variant": pub(SHARE_TOKEN, { also: ["share"], path: (i) => `/api/share/${i.share}/files/${i.image}/thumb-256`, status: 200 }),
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
  "GET /api/prompts/categories": user(),
  "GET /api/prompts/history": user({ query: { q: "fox", limit: "10" } }),
  "GET /api/prompts/stats": user(),
  "GET /api/prompts/public": user({ query: { q: "fox", category: "Animals", sort: "popular", limit: "5", cursor: "" } }),
  // No published prompt has this id: the example picture of an unknown or private prompt is a 404 for everyone.
  "GET /api/prompts/public/:id/example": user({ path: () => `/api/prompts/public/${randomUUID()}/example`, status: 404 }),
  "POST /api/prompts/:id/favorite": owned("prompt", { body: { favorite: true } }),
  "POST /api/prompts/:id/copy": owned("prompt", { body: () => ({ id: randomUUID() }), status: 201 }),
  "GET /api/search/prompts": user({ query: { q: "fox", limit: "5" } }),
  // Notifications (the owner-only rows are a 404 for an id that is not theirs: server/test/notifications checks
  // another user's id answers exactly like an unknown one)
  "GET /api/notifications": user({ query: { limit: "5", unread: "true", kind: "job.completed,job.failed", cursor: "" } }),
  "GET /api/notifications/unread-count": user(),
  "GET /api/notifications/preferences": user(),
  "PUT /api/notifications/preferences": user({ body: { "job.completed": { push: true }, "credits.low": { mail: false } } }),
  "POST /api/notifications/read-all": user(),
  "POST /api/notifications/:id/read": user({ path: () => `/api/notifications/${randomUUID()}/read`, status: 404 }),
  "DELETE /api/notifications/:id": user({ path: () => `/api/notifications/${randomUUID()}`, status: 404 }),
  // Sync (the per-mutation matrix is in server/src/modules/sync/sync.authz.test.ts)
  "GET /api/sync/pull": user({ query: { cursor: "0", limit: "10" } }),
  "GET /api/sync/shared/:id": owned("project", { query: { after: "0", limit: "10" } }),
  "POST /api/sync/push": user({ body: () => ({ mutations: [{ id: randomUUID(), type: "prompt.create", prompt: { id: randomUUID(), title: "t", promptText: "p" } }] }) }),
  // Developer platform: API keys and outgoing webhooks (what a key itself may call: server/test/keys/key-routes.test.ts)
  "GET /api/keys": user(),
  "POST /api/keys": user({ body: { name: "CI", scopes: ["read", "generate"], expiresAt: "2999-01-01T00:00:00Z" }, status: 201 }),
  "DELETE /api/keys/:id": owned("apiKey"),
  "GET /api/webhook-endpoints": user(),
  "POST /api/webhook-endpoints": user({ body: { url: "http://127.0.0.1:9/hook", events: ["job.completed"], description: "CI" }, status: 201 }),
  "GET /api/webhook-endpoints/:id": owned("webhookEndpoint"),
  "PATCH /api/webhook-endpoints/:id": owned("webhookEndpoint", { body: { enabled: false, events: ["job.failed"] } }),
  "DELETE /api/webhook-endpoints/:id": owned("webhookEndpoint"),
  "POST /api/webhook-endpoints/:id/test": owned("webhookEndpoint"),
  "GET /api/webhook-endpoints/:id/deliveries": owned("webhookEndpoint", { query: { limit: "10" } }),
  "POST /api/webhook-endpoints/:id/deliveries/:deliveryId/redeliver": owned("webhookEndpoint", { also: ["webhookDelivery"] }),
  // Public gallery and community (community/): the owner's switches are owned/user; the public reads are open by
  // nature and answer only for published images (rules and disappearance in test/community).
  "POST /api/images/:id/publish": owned("image", { body: { published: false } }),
  "GET /api/account/public-profile": user(),
  "PUT /api/account/public-profile": user({ body: { showPrompt: false } }),
  "GET /api/community/images": pub(COMMUNITY, { also: ["published"], query: { sort: "popular", q: "harbour", cursor: "", limit: "5" }, status: 200 }),
  "GET /api/community/users/:handle": pub(COMMUNITY, { also: ["published"], path: (i) => `/api/community/users/${i.published}`, query: { sort: "newest", cursor: "", limit: "5" }, status: 200 }),
  "GET /api/community/files/:imageId/:variant": pub(COMMUNITY, { also: ["published"], path: (i) => `/api/community/files/${i.image}/thumb-256`, status: 200 }),
  "POST /api/community/images/:id/favorite": user({ also: ["published"], path: (i) => `/api/community/images/${i.image}/favorite`, body: { favorite: true } }),
  "GET /api/admin/community/images": admin(undefined, { query: { sort: "newest", q: "", cursor: "", limit: "5" } }),
  "POST /api/admin/community/images/:id/unpublish": admin(undefined, { also: ["published"], path: (i) => `/api/admin/community/images/${i.image}/unpublish`, body: { reason: "Not suitable for the community page" } }),
  // Image editing: a new version of the owner's image (free; the pixel rules are in test/image-edit).
  "POST /api/images/:id/edit": owned("image", { body: { rotate: 90, flipH: true, brightness: 10 }, status: 201 }),
  "GET /api/openapi.json": pub("the API's own description: routes and contracts, no user data"),
  "GET /api/docs": pub("the API reference page, rendered from the OpenAPI document"),
  // Team workspaces (teams/): roles over shared projects' routes are in team-access.ts.
  ...TEAM_ROWS,
};
