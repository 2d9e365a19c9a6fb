import type { Context, Hono } from "hono";
import type { AppEnv, Deps } from "../context";
import { accountRoutes } from "../modules/account/account.routes";
import { avatarServeRoutes, avatarUploadRoutes } from "../modules/account/avatar.routes";
import { adminUserRoutes } from "../modules/admin/admin.routes";
import { aliasRoutes } from "./alias.routes";
import { apiKeyAuth, isBearerRequest } from "./api-key";
import { type Auth, createAuth } from "./auth";
import { notFoundHandler } from "../middleware/error-handler";
import { errorDetails, translateAuthError } from "./bridge";
import { renderDeep, renderMessage } from "../i18n/api";
import { requestLanguage } from "../i18n/request";
import { guestRoutes } from "./guest.routes";
import { CLIENT_IP_HEADER, clientIp } from "./client-ip";
import { crossSiteGuard } from "./csrf";
import { OWN_ORIGIN_HEADER, requestOrigin } from "./origin";
import { devMailboxRoutes } from "./mail/dev-mailbox.routes";
import { mailerFor, type Mailer } from "./mail/mailer";
import { accountDeletedMail } from "./mail/templates";
import { sessionMiddleware } from "./session";

/**
 * Better Auth's own routes (/api/auth/*: sign-in/up, two-factor, OAuth, sessions…). The client IP we resolved
 * is handed over in our header (any incoming copy dropped), and error answers gain the product's error body
 * next to Better Auth's `{ code, message }`, which its client library reads.
 */
async function handleAuth(c: Context<AppEnv>, auth: Auth): Promise<Response> {
  const raw = c.req.raw;
  const headers = new Headers(raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  headers.delete(OWN_ORIGIN_HEADER);
  const env = c.get("deps").env;
  const ip = clientIp(c, env.TRUST_PROXY);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  const own = requestOrigin(c, env.TRUST_PROXY);
  if (own) headers.set(OWN_ORIGIN_HEADER, own);
  // Same rule as the cross-site guard: no Origin and no Fetch Metadata means a non-browser client (curl, the CLI).
  if (!headers.has("origin") && !headers.has("sec-fetch-site")) headers.set("origin", new URL(env.APP_URL).origin);
  const hasBody = raw.method !== "GET" && raw.method !== "HEAD";
  const res = await auth.handler(
    new Request(raw.url, { method: raw.method, headers, body: hasBody ? await raw.arrayBuffer() : undefined }),
  );
  if (res.status < 400) return res;
  // Unknown and disabled paths: Better Auth answers an empty or plain-text 404; ours is the JSON error body.
  if (res.status === 404 && !res.headers.get("content-type")?.includes("application/json")) return notFoundHandler(c);
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const t = translateAuthError(res.status, body, res.headers);
  const out = new Headers(res.headers);
  out.delete("content-length");
  out.set("content-type", "application/json");
  if (t.retryAfter) out.set("Retry-After", t.retryAfter);
  const details = renderDeep(errorDetails(t), requestLanguage(c));
  const error = { code: t.code, message: renderMessage(t.message, requestLanguage(c)), ...(details ? { details } : {}), requestId: c.get("requestId") };
  return new Response(JSON.stringify({ ...body, error }), { status: res.status, headers: out });
}

export interface MountedAuth {
  auth: Auth;
  mailer: Mailer;
}

/**
 * Everything account-related, mounted before the rest of /api: the cross-site write guard, the session
 * middleware (sets `c.var.user` on every /api request), the documented alias routes, Better Auth's handler,
 * the dev mailbox, account/avatar routes and the admin user routes.
 */
export function mountAuth(app: Hono<AppEnv>, deps: Deps): MountedAuth {
  const mailer = mailerFor(deps);
  const auth = createAuth(deps, mailer);
  if (mailer.kind === "dev-mailbox" && deps.env.DEV_MAILBOX !== "off") {
    const who =
      deps.env.DEV_MAILBOX === "open"
        ? "readable by anyone who can reach this server (DEV_MAILBOX=open)"
        : "readable only in a browser on this machine (DEV_MAILBOX=open lets other devices read it)";
    deps.log.info(
      `no SMTP_URL: mail goes to the dev mailbox at ${new URL("/dev/mailbox", deps.env.APP_URL).href}, ${who}`,
    );
  }

  // A bearer (API key) request is authenticated by its header alone: it never uses cookies, so the cross-site
  // guard (which protects cookie sessions) and the session lookup are skipped for it.
  app.use("/api/*", apiKeyAuth());
  const guard = crossSiteGuard(deps.env.APP_URL, deps.env.TRUST_PROXY);
  app.use("/api/*", (c, next) => (c.req.path.startsWith("/api/webhooks/") || isBearerRequest(c) ? next() : guard(c, next)));
  const session = sessionMiddleware(auth);
  app.use("/api/*", (c, next) => (isBearerRequest(c) ? next() : session(c, next)));

  app.route("/api/auth", aliasRoutes(auth, mailer));
  app.route("/api/auth/guest", guestRoutes(auth, mailer));
  app.on(["GET", "POST"], "/api/auth/*", (c) => handleAuth(c, auth));

  const authCookieNames = async () => Object.values((await auth.$context).authCookies).map((cookie) => cookie.name);
  const onDeleted = async (who: { email: string; name: string; language: string }) =>
    mailer.deliver(who.email, accountDeletedMail(deps.env.APP_URL, { name: who.name, language: who.language }));
  app.route("/api/dev", devMailboxRoutes(mailer));
  app.route("/api/account/avatar", avatarUploadRoutes);
  app.route("/api/account", accountRoutes({ authCookieNames, onDeleted }));
  app.route("/api/avatars", avatarServeRoutes);
  app.route("/api/admin", adminUserRoutes);
  return { auth, mailer };
}
