import { Hono } from "hono";
import { compress } from "hono/compress";
import { LIMITS } from "@image-studio/shared";
import type { AppEnv, Deps } from "./context";
import { mountAuth } from "./auth/mount";
import { mountSpa } from "./lib/static";
import { bodilessErrorsAsJson, notFoundHandler, onError } from "./middleware/error-handler";
import { bodyLimits, inputGuard } from "./middleware/input-guard";
import { requestContext } from "./middleware/request";
import { securityHeaders } from "./middleware/security";
import { generateRoutes, imagesGenerateRoute } from "./modules/generation/generation.routes";
import { webhookRoutes } from "./modules/generation/webhook.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { iterationRoutes } from "./modules/iteration/iteration.routes";
import { httpMetrics } from "./modules/metrics/metrics.middleware";
import { metricsRoutes } from "./modules/metrics/metrics.routes";
import { imageRoutes } from "./modules/images/images.routes";
import { adminModelRoutes, modelRoutes } from "./modules/models/models.routes";
import { searchRoutes } from "./modules/search/search.routes";
import { projectRoutes, projectSearchRoutes } from "./modules/projects/projects.routes";
import { collectionRoutes } from "./modules/collections/collections.routes";
import { storageUsageRoutes } from "./modules/usage/storage-usage.routes";
import { settingsRoutes } from "./modules/settings/settings.routes";
import { promptRoutes } from "./modules/prompts/prompts.routes";
import { PUSH_MAX_BYTES, syncRoutes } from "./modules/sync/sync.routes";

export interface AppOptions {
  /** Built client directory to serve (SPA with history fallback); omitted in API-only tests. */
  staticDir?: string;
}

/** Middleware order, then routes. Everything the app needs comes in through `deps`. */
export function createApp(deps: Deps, opts: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", httpMetrics(deps));
  app.use("*", securityHeaders({ isProduction: deps.env.isProduction }));
  app.use("*", compress());
  // Size first (uploads keep their own limit, JSON gets 1 MB), then NUL, malformed and over-deep input: 4xx, never 500.
  app.use(
    "/api/*",
    bodyLimits({
      multipartMaxBytes: LIMITS.uploadMaxBytes + 1024 * 1024,
      otherMaxBytes: LIMITS.jsonBodyMaxBytes,
      larger: { "/api/sync/push": PUSH_MAX_BYTES },
    }),
  );
  app.use("/api/*", inputGuard);
  app.use("/api/*", bodilessErrorsAsJson);

  mountAuth(app, deps);

  const api = new Hono<AppEnv>()
    .route("/health", healthRoutes)
    .route("/models", modelRoutes)
    .route("/admin/models", adminModelRoutes)
    .route("/", iterationRoutes) // iteration: before /generate — its image-to-image also takes uploadId
    .route("/generate", generateRoutes)
    .route("/images", imagesGenerateRoute)
    .route("/images", imageRoutes)
    .route("/search", searchRoutes)
    .route("/search", projectSearchRoutes)
    .route("/projects", projectRoutes)
    .route("/collections", collectionRoutes)
    .route("/usage", storageUsageRoutes)
    .route("/webhooks", webhookRoutes)
    .route("/settings", settingsRoutes)
    .route("/prompts", promptRoutes)
    .route("/sync", syncRoutes);
  app.route("/api", api);
  app.all("/api/*", notFoundHandler);
  app.route("/metrics", metricsRoutes);

  if (opts.staticDir) mountSpa(app, opts.staticDir);
  app.onError(onError);
  app.notFound((c) => (c.req.path.startsWith("/api/") ? notFoundHandler(c) : c.text("Not found", 404)));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
