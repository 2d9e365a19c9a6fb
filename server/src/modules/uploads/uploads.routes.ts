import { LIMITS, UPLOAD_PURPOSES, type UploadPurpose } from "@image-studio/shared";
import { msg, type ApiMessage } from "../../i18n/api";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as uploads from "./uploads.service";

const fieldError = (path: string, message: ApiMessage) =>
  new AppError("VALIDATION_FAILED", message, { issues: [{ path: [path], message }] });

/** POST /api/uploads — multipart: `file` (the image) and optional `purpose` (source | mask | style). */
export const uploadRoutes = new Hono<AppEnv>().post("/", requireUser, async (c) => {
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > LIMITS.uploadMaxBytes + 64 * 1024)
    throw new AppError("PAYLOAD_TOO_LARGE", msg("uploads.tooLarge", { mb: LIMITS.uploadMaxBytes / 1024 / 1024 }));
  const form = await c.req.parseBody().catch(() => {
    throw new AppError("BAD_REQUEST", msg("request.sendFileField"));
  });
  const file = form.file;
  if (!(file instanceof File)) throw fieldError("file", msg("uploads.chooseFile"));
  const purpose = (form.purpose ?? "source") as UploadPurpose;
  if (!UPLOAD_PURPOSES.includes(purpose))
    throw fieldError("purpose", msg("uploads.purpose", { purposes: UPLOAD_PURPOSES.join(", ") }));
  const result = await uploads.createUpload(ctxOf(c), Buffer.from(await file.arrayBuffer()), purpose);
  return c.json(result, 201);
});
