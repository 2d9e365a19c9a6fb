import { DOWNLOAD_METADATA_KEY } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./account-data.repo";
import { stripMetadata } from "./strip-metadata";

/** Largest original stripped in memory; bigger ones are served as stored. */
const STRIP_MAX_BYTES = 100 * 1024 * 1024;

/** Whether the user keeps embedded metadata in downloads (the default), per Settings → Privacy. */
export async function keepsDownloadMetadata(ctx: Ctx): Promise<boolean> {
  const row = await repo.settingsRow(ctx.db, ctx.user.id);
  return row?.settings?.[DOWNLOAD_METADATA_KEY] !== false;
}

/**
 * The original without its embedded metadata when the user turned "metadata in downloads" off; null when the
 * stored file should be served as it is.
 */
export async function privateDownload(ctx: Ctx, file: { filePath: string; fileSize: number }): Promise<Buffer | null> {
  if (file.fileSize > STRIP_MAX_BYTES || (await keepsDownloadMetadata(ctx))) return null;
  const obj = await ctx.deps.storage.get(file.filePath);
  if (!obj) return null;
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(c as Buffer);
  return stripMetadata(Buffer.concat(chunks));
}
