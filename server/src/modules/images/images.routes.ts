import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { imageBulkRoutes } from "./images.bulk.routes";
import { imageCoreRoutes } from "./images.core.routes";
import { imageExtraRoutes } from "./images.extra.routes";

/**
 * /api/images — the gallery API. Mounted next to the generation module's POST /api/images/generate.
 * Anonymous requests are 401; someone else's image is a 404 on every route.
 */
export const imageRoutes = new Hono<AppEnv>().route("/", imageBulkRoutes).route("/", imageExtraRoutes).route("/", imageCoreRoutes);

export { startTrashCleanup } from "./trash.service";
