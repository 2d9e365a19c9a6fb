import { Hono } from "hono";
import { LIMITS } from "@image-studio/shared";
import type { AppEnv, Deps } from "./context";
import { mountAuth } from "./auth/mount";
import { mountSpa } from "./lib/static";
import { bodilessErrorsAsJson, notFoundHandler, onError } from "./middleware/error-handler";
import { bodyLimits, inputGuard } from "./middleware/input-guard";
import { compress } from "./middleware/compress";
import { requestContext } from "./middleware/request";
import { securityHeaders } from "./middleware/security";
import { generateRoutes, imagesGenerateRoute } from "./modules/generation/generation.routes";
import { batchRoutes, lineRoutes, reorderRoutes } from "./modules/batch/batch.routes";
import { webhookRoutes } from "./modules/generation/webhook.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { iterationRoutes } from "./modules/iteration/iteration.routes";
import { httpMetrics } from "./modules/metrics/metrics.middleware";
import { metricsRoutes } from "./modules/metrics/metrics.routes";
import { imageRoutes } from "./modules/images/images.routes";
import { videoRoutes } from "./modules/video/video.routes";
import { adminAnnouncementRoutes, adminModelRoutes, modelRoutes } from "./modules/models/models.routes";
import { adminConsoleRoutes } from "./modules/admin/admin.console.routes";
import { notificationRoutes } from "./modules/notifications/notifications.routes";
import { searchRoutes } from "./modules/search/search.routes";
import { accountDataRoutes } from "./modules/account-data/account-data.routes";
import { IMPORT_MAX_BYTES } from "./modules/account-data/account-data.format";
import { projectRoutes, projectSearchRoutes } from "./modules/projects/projects.routes";
import { collectionRoutes } from "./modules/collections/collections.routes";
import { storageUsageRoutes } from "./modules/usage/storage-usage.routes";
import { usageRoutes } from "./modules/usage/usage.routes";
import { adminCreditCodeRoutes, creditRoutes, stripeWebhookRoutes } from "./modules/credits/credits.routes";
import { activityRoutes } from "./modules/activity/activity.routes";
import { settingsRoutes } from "./modules/settings/settings.routes";
import { adminPromptRoutes, promptRoutes, promptSearchRoutes } from "./modules/prompts/prompts.routes";
import { PUSH_MAX_BYTES, syncRoutes } from "./modules/sync/sync.routes";
import { keyRoutes } from "./modules/keys/keys.routes";
import { openApiRoutes } from "./modules/openapi/openapi.routes";
import { webhookEndpointRoutes } from "./modules/developer-webhooks/webhooks.routes";
import { imageShareAlias, projectShareAlias, shareRoutes } from "./modules/share/share.routes";
import { imageReviewRoutes, shareReviewRoutes } from "./modules/share/share.reviews.routes";
import { adminCommunityRoutes, communityRoutes, imagePublishRoutes, publicProfileRoutes } from "./modules/community/community.routes";
import { imageEditRoutes } from "./modules/image-edit/edit.routes";
import { teamRoutes } from "./modules/teams/teams.routes";

export interface AppOptions {
  /** Built client directory to serve (SPA with history fallback); omitted in API-only tests. */
  staticDir?: string;
}

/** Middleware order, then routes. Everything the app needs comes in through `deps`. */
export function createApp(deps: Deps, opts: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", httpMetrics(deps));
  app.use("*", securityHeaders({ isProduction: deps.env.isProduction, fileOrigin: deps.storage.signedUrlOrigin }));
  app.use("*", compress());
  // Size first (uploads keep their own limit, JSON gets 1 MB), then NUL, malformed and over-deep input: 4xx, never 500.
  app.use(
    "/api/*",
    bodyLimits({
      multipartMaxBytes: LIMITS.uploadMaxBytes + 1024 * 1024,
      otherMaxBytes: LIMITS.jsonBodyMaxBytes,
      larger: { "/api/sync/push": PUSH_MAX_BYTES, "/api/account/import": IMPORT_MAX_BYTES },
    }),
  );
  app.use("/api/*", inputGuard);
  app.use("/api/*", bodilessErrorsAsJson);

  mountAuth(app, deps);

  const api = new Hono<AppEnv>()
    .route("/health", healthRoutes)
    .route("/models", modelRoutes)
    .route("/admin/models", adminModelRoutes)
    .route("/admin/announcements", adminAnnouncementRoutes)
    .route("/admin", adminConsoleRoutes)
    .route("/notifications", notificationRoutes)
    .route("/", iterationRoutes) // iteration: before /generate — its image-to-image also takes uploadId
    .route("/generate/batch", batchRoutes) // batches: before /generate
    .route("/generate/line", lineRoutes)
    .route("/generate/queue", reorderRoutes)
    .route("/generate", generateRoutes)
    .route("/images", imagesGenerateRoute)
    .route("/images", videoRoutes) // POST /api/images/:id/animate, /api/images/:id/frames
    .route("/images", imageShareAlias) // POST /api/images/:id/share (before the gallery's catch-all auth)
    .route("/projects", projectShareAlias) // POST /api/projects/:id/share
    .route("/images", imageReviewRoutes) // GET /api/images/:id/reviews
    .route("/share", shareReviewRoutes) // /api/share/{project,collection}/:token/reviews
    .route("/share", shareRoutes)
    .route("/images", imagePublishRoutes) // POST /api/images/:id/publish
    .route("/images", imageEditRoutes) // POST /api/images/:id/edit
    .route("/community", communityRoutes)
    .route("/admin/community", adminCommunityRoutes)
    .route("/account/public-profile", publicProfileRoutes)
    .route("/images", imageRoutes)
    .route("/search", searchRoutes)
    .route("/search", projectSearchRoutes)
    .route("/search", promptSearchRoutes)
    .route("/admin/prompts", adminPromptRoutes)
    .route("/projects", projectRoutes)
    .route("/collections", collectionRoutes)
    .route("/usage", storageUsageRoutes)
    .route("/usage", usageRoutes)
    .route("/credits", creditRoutes)
    .route("/admin/credit-codes", adminCreditCodeRoutes)
    .route("/activity", activityRoutes)
    .route("/webhooks", webhookRoutes)
    .route("/webhooks", stripeWebhookRoutes)
    .route("/settings", settingsRoutes)
    .route("/prompts", promptRoutes)
    .route("/sync", syncRoutes)
    .route("/account", accountDataRoutes)
    .route("/teams", teamRoutes)
    .route("/keys", keyRoutes)
    .route("/webhook-endpoints", webhookEndpointRoutes)
    .route("/", openApiRoutes(() => app.routes));
  app.route("/api", api);
  app.all("/api/*", notFoundHandler);
  app.route("/metrics", metricsRoutes);

  if (opts.staticDir) mountSpa(app, opts.staticDir);
  app.onError(onError);
  app.notFound((c) => (c.req.path.startsWith("/api/") ? notFoundHandler(c) : c.text("Not found", 404)));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
