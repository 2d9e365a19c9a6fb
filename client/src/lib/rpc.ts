import type {
  AccountDataRoutes,
  AccountRoutes,
  ActivityRoutes,
  AdminAnnouncementRoutes,
  AdminCommunityRoutes,
  AdminConsoleRoutes,
  AdminModelRoutes,
  AdminUserRoutes,
  AuthRoutes,
  AvatarUploadRoutes,
  BatchRoutes,
  CollectionRoutes,
  CommunityRoutes,
  CreditRoutes,
  DevMailboxRoutes,
  GenerateRoutes,
  GuestRoutes,
  ImageEditRoutes,
  ImagePublishRoutes,
  ImageReviewRoutes,
  ImageRoutes,
  IterationRoutes,
  KeyRoutes,
  LineRoutes,
  ModelRoutes,
  NotificationRoutes,
  ProjectRoutes,
  PromptRoutes,
  PublicProfileRoutes,
  ReorderRoutes,
  SearchRoutes,
  SettingsRoutes,
  ShareReviewRoutes,
  ShareRoutes,
  StorageUsageRoutes,
  SyncRoutes,
  TeamRoutes,
  UploadRoutes,
  UsageRoutes,
  VideoRoutes,
  WebhookEndpointRoutes,
} from "@image-studio/server/routes";
import type { Hono } from "hono";
import { type ClientResponse, hc } from "hono/client";
import { unwrap } from "./api";
import { i18n } from "@/i18n";

/**
 * Typed calls to the API, derived from the server's route definitions (`server/src/routes.ts`, type-only): paths,
 * params, query, JSON bodies and response shapes all come from the handlers, so client and server cannot drift.
 * Every call goes through `call()`, the typed face of the one `unwrap` (errors become ApiError as before).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Hono generics the client needs are any-shaped
const client = <T extends Hono<any, any, any>>(base: string) =>
  hc<T>(base, { init: { credentials: "same-origin" }, headers: () => ({ Accept: "application/json", "Accept-Language": i18n.language }) });

export const rpc = {
  account: client<AccountRoutes>("/api/account"),
  accountData: client<AccountDataRoutes>("/api/account"),
  activity: client<ActivityRoutes>("/api/activity"),
  admin: client<AdminConsoleRoutes>("/api/admin"),
  adminAnnouncements: client<AdminAnnouncementRoutes>("/api/admin/announcements"),
  adminCommunity: client<AdminCommunityRoutes>("/api/admin/community"),
  adminModels: client<AdminModelRoutes>("/api/admin/models"),
  adminUsers: client<AdminUserRoutes>("/api/admin"),
  auth: client<AuthRoutes>("/api/auth"),
  avatar: client<AvatarUploadRoutes>("/api/account/avatar"),
  batch: client<BatchRoutes>("/api/generate/batch"),
  collections: client<CollectionRoutes>("/api/collections"),
  community: client<CommunityRoutes>("/api/community"),
  credits: client<CreditRoutes>("/api/credits"),
  devMailbox: client<DevMailboxRoutes>("/api/dev"),
  generate: client<GenerateRoutes>("/api/generate"),
  guest: client<GuestRoutes>("/api/auth/guest"),
  imageEdit: client<ImageEditRoutes>("/api/images"),
  imagePublish: client<ImagePublishRoutes>("/api/images"),
  imageReviews: client<ImageReviewRoutes>("/api/images"),
  images: client<ImageRoutes>("/api/images"),
  /** Upscale, remix, inpaint… (/api/images/:id/*), image-to-image (/api/generate/image-to-image) and uploads. */
  iteration: client<IterationRoutes>("/api"),
  keys: client<KeyRoutes>("/api/keys"),
  line: client<LineRoutes>("/api/generate/line"),
  models: client<ModelRoutes>("/api/models"),
  notifications: client<NotificationRoutes>("/api/notifications"),
  projects: client<ProjectRoutes>("/api/projects"),
  prompts: client<PromptRoutes>("/api/prompts"),
  publicProfile: client<PublicProfileRoutes>("/api/account/public-profile"),
  reorder: client<ReorderRoutes>("/api/generate/queue"),
  search: client<SearchRoutes>("/api/search"),
  settings: client<SettingsRoutes>("/api/settings"),
  share: client<ShareRoutes>("/api/share"),
  shareReviews: client<ShareReviewRoutes>("/api/share"),
  storage: client<StorageUsageRoutes>("/api/usage"),
  sync: client<SyncRoutes>("/api/sync"),
  teams: client<TeamRoutes>("/api/teams"),
  uploads: client<UploadRoutes>("/api/uploads"),
  usage: client<UsageRoutes>("/api/usage"),
  video: client<VideoRoutes>("/api/images"),
  webhookEndpoints: client<WebhookEndpointRoutes>("/api/webhook-endpoints"),
};

/** The body type of a typed response; a handler with several `c.json(...)` answers gives their union. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- status and format are irrelevant to the body
type BodyOf<R> = R extends ClientResponse<infer T, any, any> ? T : never;

/** The success body of a typed call (as the server's handler typed it), or ApiError. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any typed response
export function call<R extends ClientResponse<any, any, any>>(res: Promise<R>): Promise<BodyOf<R>> {
  return unwrap<BodyOf<R>>(res as unknown as Promise<Response>);
}

/**
 * A multipart body for a route that reads its form itself (`c.req.parseBody()` — no form validator, so hc has no
 * form input to type): `call(rpc.x.index.$post(undefined, formBody(form)))`. The response is still typed.
 */
export const formBody = (form: FormData) => ({ init: { body: form, credentials: "same-origin" as const } });

/**
 * Saves a file the server sends (an export, an archive) under the name in its Content-Disposition; a refusal or
 * no network is the same ApiError as any call.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any typed route response will do
export async function saveFile(res: Promise<ClientResponse<any, any, any>>, fallbackName: string): Promise<void> {
  const response = (await res.catch((err: unknown) => unwrap(Promise.reject(err)))) as unknown as Response;
  if (!response.ok) await unwrap(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
