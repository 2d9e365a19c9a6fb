import { Readable } from "node:stream";
import { msg } from "../../i18n/api";
import { LIMITS } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as avatars from "./avatar.service";

const cropFields = z
  .object({ cropX: z.coerce.number().min(0), cropY: z.coerce.number().min(0), cropSize: z.coerce.number().min(1) })
  .partial()
  .refine(
    (v) =>
      [v.cropX, v.cropY, v.cropSize].every((x) => x === undefined) ||
      [v.cropX, v.cropY, v.cropSize].every((x) => x !== undefined),
    "Send cropX, cropY and cropSize together",
  );

/** POST/DELETE /api/account/avatar — multipart field `file` (+ optional cropX/cropY/cropSize in image pixels). */
export const avatarUploadRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/", async (c) => {
    const length = Number(c.req.header("content-length") ?? 0);
    if (length > LIMITS.avatarMaxBytes + 64 * 1024)
      throw new AppError("PAYLOAD_TOO_LARGE", msg("avatar.tooLarge", { mb: 5 }));
    const form = await c.req.parseBody().catch(() => {
      throw new AppError("BAD_REQUEST", msg("request.sendFileField"));
    });
    const file = form.file;
    if (!(file instanceof File))
      throw new AppError("VALIDATION_FAILED", msg("uploads.chooseFile"), {
        issues: [{ path: ["file"], message: msg("issue.chooseFile") }],
      });
    const crop = cropFields.parse({ cropX: form.cropX, cropY: form.cropY, cropSize: form.cropSize });
    const data = Buffer.from(await file.arrayBuffer());
    const result = await avatars.uploadAvatar(ctxOf(c), {
      data,
      crop: crop.cropSize !== undefined ? { x: crop.cropX!, y: crop.cropY!, size: crop.cropSize } : undefined,
    });
    return c.json(result, 201);
  })
  .delete("/", async (c) => {
    await avatars.removeAvatar(ctxOf(c));
    return c.json({ ok: true });
  });

const avatarQuery = z.object({
  size: z.coerce.number().int().min(1).max(1024).optional(),
  v: z.coerce.number().int().min(0).optional(),
});

/** GET /api/avatars/:userId?size=64|256&v=<version> — versioned URLs are immutable and cached for a year. */
export const avatarServeRoutes = new Hono<AppEnv>().get(
  "/:userId",
  validate("param", z.object({ userId: z.uuid() })),
  validate("query", avatarQuery),
  async (c) => {
    const { userId } = c.req.valid("param");
    const q = c.req.valid("query");
    const { object, version, isPublic } = await avatars.readAvatar(c.get("deps"), c.get("user"), {
      userId,
      size: q.size,
    });
    const scope = isPublic ? "public" : "private";
    const cacheControl =
      q.v === version ? `${scope}, max-age=31536000, immutable` : `${scope}, max-age=60, must-revalidate`;
    const headers = { "Content-Type": "image/webp", "Cache-Control": cacheControl, ETag: object.etag, Vary: "Cookie" };
    if (c.req.header("if-none-match") === object.etag) {
      object.body.destroy();
      return c.body(null, 304, headers);
    }
    return c.body(Readable.toWeb(object.body) as ReadableStream, 200, {
      ...headers,
      "Content-Length": String(object.size),
    });
  },
);
