/** The preprocessed control map (edges or depth) of one of the caller's images or uploads, as a PNG preview. */
import type { ControlPreviewRequest } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { images } from "../../db/schema";
import { AppError, notFound, type NotFoundThing } from "../../lib/errors";
import { controlMapPng } from "../../providers/control-maps";
import { findUpload } from "../uploads/uploads.service";

async function readKey(ctx: Ctx, key: string, what: NotFoundThing): Promise<Buffer> {
  const obj = await ctx.deps.storage.get(key);
  if (!obj) throw notFound(what);
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function imageKey(ctx: Ctx, imageId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ filePath: images.filePath })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.userId, ctx.user.id)));
  if (!row) throw notFound("controlImage");
  return row.filePath;
}

export async function controlPreview(ctx: Ctx, body: Required<Pick<ControlPreviewRequest, "type" | "size">> & ControlPreviewRequest): Promise<Buffer> {
  const key = body.imageId ? await imageKey(ctx, body.imageId) : (await findUpload(ctx, body.uploadId!, "controlImage")).key;
  const bytes = await readKey(ctx, key, "controlImage");
  try {
    return await controlMapPng(body.type, bytes, body.size);
  } catch {
    throw new AppError("VALIDATION_FAILED", msg("generation.controlUnreadable"), { issues: [{ path: ["imageId"], message: msg("issue.unreadableImage") }] });
  }
}
