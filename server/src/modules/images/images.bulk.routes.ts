import { msg } from "../../i18n/api";
import {
  bulkFavoriteSchema,
  bulkIdsSchema,
  bulkMoveSchema,
  bulkTagSchema,
  EXPORT_FORMATS,
  exportRequestSchema,
  imageFilterSchema,
} from "@image-studio/shared";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { metadataExport, zipDownload } from "./images.export";
import { attachment } from "./images.http";
import * as images from "./images.service";

/**
 * A JSON body, or an HTML form (the gallery submits a hidden form for downloads, so the browser streams the file
 * to disk instead of holding it in memory).
 */
async function jsonOrForm(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) {
    return c.req.json().catch(() => {
      throw new AppError("BAD_REQUEST", msg("request.notJson"));
    });
  }
  if (type.includes("form")) return c.req.parseBody();
  throw new AppError("UNSUPPORTED_MEDIA", msg("request.sendJsonOrForm"));
}

const download = (c: Context, body: ReadableStream, fileName: string, contentType: string) =>
  c.body(body, 200, { "Content-Type": contentType, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" });

const exportQuery = imageFilterSchema.extend({ format: z.enum(EXPORT_FORMATS).default("json") });

/** Bulk actions (at most BULK_MAX ids each), the ZIP download and metadata exports. */
export const imageBulkRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/bulk-delete", validate("json", bulkIdsSchema), async (c) => c.json({ affected: await images.trash(ctxOf(c), c.req.valid("json").imageIds) }))
  .post("/bulk-restore", validate("json", bulkIdsSchema), async (c) => c.json({ affected: await images.restore(ctxOf(c), c.req.valid("json").imageIds) }))
  .post("/bulk-purge", validate("json", bulkIdsSchema), async (c) => c.json({ affected: await images.purgeIds(ctxOf(c), c.req.valid("json").imageIds) }))
  .post("/bulk-move", validate("json", bulkMoveSchema), async (c) => {
    const { imageIds, projectId } = c.req.valid("json");
    return c.json({ affected: await images.move(ctxOf(c), imageIds, projectId) });
  })
  .post("/bulk-tag", validate("json", bulkTagSchema), async (c) => {
    const { imageIds, add, remove } = c.req.valid("json");
    return c.json({ affected: await images.retag(ctxOf(c), imageIds, add, remove) });
  })
  .post("/bulk-favorite", validate("json", bulkFavoriteSchema), async (c) => {
    const { imageIds, favorite } = c.req.valid("json");
    return c.json({ affected: await images.favoriteMany(ctxOf(c), imageIds, favorite) });
  })
  .post("/trash/empty", async (c) => c.json({ affected: await images.emptyTrash(ctxOf(c)) }))
  .post("/bulk-download", async (c) => {
    const { imageIds } = exportRequestSchema.parse(await jsonOrForm(c));
    const zip = await zipDownload(ctxOf(c), imageIds);
    return download(c, zip.body, zip.fileName, "application/zip");
  })
  .post("/metadata/export", async (c) => {
    const { imageIds, format } = exportRequestSchema.parse(await jsonOrForm(c));
    const out = metadataExport(ctxOf(c), { ids: imageIds }, format);
    return download(c, out.body, out.fileName, out.contentType);
  })
  .get("/metadata/export", validate("query", exportQuery), async (c) => {
    const { format, ...filter } = c.req.valid("query");
    const out = metadataExport(ctxOf(c), { filter }, format);
    return download(c, out.body, out.fileName, out.contentType);
  });
