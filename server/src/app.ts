import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { LIMITS } from "@image-studio/shared";
import type { AppEnv, Deps } from "./context";
import { AppError } from "./lib/errors";
import { mountSpa } from "./lib/static";
import { notFoundHandler, onError } from "./middleware/error-handler";
import { requestContext } from "./middleware/request";
import { securityHeaders } from "./middleware/security";
import { generateRoutes, imagesGenerateRoute } from "./modules/generation/generation.routes";
import { webhookRoutes } from "./modules/generation/webhook.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { adminModelRoutes, modelRoutes } from "./modules/models/models.routes";

export interface AppOptions {
  /** Built client directory to serve (SPA with history fallback); omitted in API-only tests. */
  staticDir?: string;
}

/** Middleware order, then routes. Everything the app needs comes in through `deps`. */
export function createApp(deps: Deps, opts: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", securityHeaders({ isProduction: deps.env.isProduction }));
  app.use("*", compress());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: LIMITS.uploadMaxBytes + 1024 * 1024,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
      },
    }),
  );

  const api = new Hono<AppEnv>()
    .route("/health", healthRoutes)
    .route("/models", modelRoutes)
    .route("/admin/models", adminModelRoutes)
    .route("/generate", generateRoutes)
    .route("/images", imagesGenerateRoute)
    .route("/webhooks", webhookRoutes);
  app.route("/api", api);
  app.all("/api/*", notFoundHandler);

  if (opts.staticDir) mountSpa(app, opts.staticDir);
  app.onError(onError);
  app.notFound((c) => (c.req.path.startsWith("/api/") ? notFoundHandler(c) : c.text("Not found", 404)));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
