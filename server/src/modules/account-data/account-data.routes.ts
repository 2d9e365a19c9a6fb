import { createWriteStream } from "node:fs";
import { msg, type ApiMessage } from "../../i18n/api";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { updateRetentionSchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { exportArchive } from "./account-data.export";
import { IMPORT_MAX_BYTES } from "./account-data.format";
import { importArchive } from "./account-data.import";
import { getRetention, setRetention } from "./account-data.retention";

const fileError = (message: ApiMessage) => new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["file"], message }] });

/**
 * /api/account/export — the signed-in user's archive (originals + manifest.json) as a ZIP;
 * /api/account/import — multipart `file`: such a ZIP, recreated for the signed-in user under new ids;
 * /api/account/retention — opt-in automatic clean-up of the trash and of old drafts.
 */
export const accountDataRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/export", async (c) => {
    const zip = await exportArchive(ctxOf(c));
    return c.body(zip.body, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zip.fileName}"`,
      "Cache-Control": "no-store",
    });
  })
  .post("/import", async (c) => {
    const length = Number(c.req.header("content-length") ?? 0);
    if (length > IMPORT_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", msg("archive.tooLarge", { gb: IMPORT_MAX_BYTES / 1024 ** 3 }));
    const form = await c.req.parseBody().catch(() => {
      throw new AppError("BAD_REQUEST", msg("request.sendArchiveField"));
    });
    const file = form.file;
    if (!(file instanceof File)) throw fileError("Choose an Image Studio archive (.zip) to import");
    if (file.size === 0) throw fileError("That file is empty");
    const dir = await mkdtemp(path.join(os.tmpdir(), "image-studio-import-"));
    try {
      const zipPath = path.join(dir, "archive.zip");
      await pipeline(Readable.fromWeb(file.stream() as NodeReadableStream), createWriteStream(zipPath));
      return c.json(await importArchive(ctxOf(c), zipPath), 201);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })
  .get("/retention", async (c) => c.json(await getRetention(ctxOf(c))))
  .put("/retention", validate("json", updateRetentionSchema), async (c) => c.json(await setRetention(ctxOf(c), c.req.valid("json"))));
