import { Readable } from "node:stream";
import type { ImageFilter, ImageMetadataExport } from "@image-studio/shared";
import archiver from "archiver";
import type { Ctx } from "../../context";
import { notFound } from "../../lib/errors";
import { csvHeader, csvRow } from "./images.csv";
import { fileNameFor } from "./images.mapper";
import * as repo from "./images.repo";
import * as images from "./images.service";

/** Bulk downloads (a streamed ZIP) and metadata exports (streamed JSON or CSV). Nothing is built in memory. */

/** Batches of metadata: the given ids, or every image matching a filter (walked with the keyset list). */
async function* batches(ctx: Ctx, source: { ids: string[] } | { filter: ImageFilter }): AsyncGenerator<ImageMetadataExport[]> {
  if ("ids" in source) {
    for (let i = 0; i < source.ids.length; i += 500) yield images.metadataMany(ctx, source.ids.slice(i, i + 500));
    return;
  }
  let cursor: string | undefined;
  do {
    const page = await images.list(ctx, { ...source.filter, sort: "date", order: "desc", cursor, limit: 200 });
    yield images.metadataMany(ctx, page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function* lines(ctx: Ctx, source: Parameters<typeof batches>[1], format: "json" | "csv"): AsyncGenerator<string> {
  let first = true;
  if (format === "csv") yield csvHeader();
  else yield "[\n";
  for await (const batch of batches(ctx, source)) {
    for (const m of batch) {
      if (format === "csv") yield csvRow(m);
      else {
        yield `${first ? "" : ",\n"}${JSON.stringify(m)}`;
        first = false;
      }
    }
  }
  if (format === "json") yield "\n]\n";
}

async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const c of chunks) yield Buffer.from(c, "utf8");
}

export function metadataExport(ctx: Ctx, source: Parameters<typeof batches>[1], format: "json" | "csv") {
  const stamp = ctx.now.toISOString().slice(0, 10);
  return {
    body: Readable.toWeb(Readable.from(utf8(lines(ctx, source, format)), { objectMode: false })) as ReadableStream,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    fileName: `image-studio-metadata-${stamp}.${format}`,
  };
}

/** Resolves when the archive has taken in the entry just appended (one source stream open at a time). */
function entryDone(archive: archiver.Archiver): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off("entry", onEntry);
      archive.off("error", onError);
      archive.off("close", onClose);
    };
    const onEntry = () => (cleanup(), resolve());
    const onError = (err: Error) => (cleanup(), reject(err));
    const onClose = () => (cleanup(), reject(new Error("archive closed")));
    archive.on("entry", onEntry).on("error", onError).on("close", onClose);
  });
}

/**
 * A ZIP of the originals (stored, not re-compressed) plus metadata.json — and metadata.csv with the same rows and
 * columns as the CSV metadata export when `csv` is set — streamed as the client reads it.
 */
export async function zipDownload(ctx: Ctx, ids: string[], opts: { csv?: boolean } = {}) {
  const found = new Map((await repo.getFileFactsMany(ctx.db, ctx.user.id, ids)).map((f) => [f.id, f]));
  const files = ids.map((id) => found.get(id)).filter((f) => f !== undefined);
  if (!files.length) throw notFound("image");
  const archive = archiver("zip", { store: true });
  const names = new Set<string>();
  void (async () => {
    for (const f of files) {
      const obj = await ctx.deps.storage.get(f.filePath);
      if (!obj) continue;
      let name = fileNameFor(f);
      while (names.has(name)) name = `${name.replace(/(\.[a-z0-9]+)$/, "")}-${f.id.slice(9, 13)}${name.match(/\.[a-z0-9]+$/)?.[0] ?? ""}`;
      names.add(name);
      const done = entryDone(archive);
      archive.append(obj.body, { name });
      await done;
    }
    const meta = await images.metadataMany(ctx, files.map((f) => f.id));
    archive.append(JSON.stringify(meta, null, 2), { name: "metadata.json" });
    if (opts.csv) archive.append(csvHeader() + meta.map(csvRow).join(""), { name: "metadata.csv" });
    await archive.finalize();
  })().catch((err: unknown) => {
    ctx.log.warn("zip download aborted", { err });
    archive.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return {
    body: Readable.toWeb(archive) as ReadableStream,
    fileName: `image-studio-${ctx.now.toISOString().slice(0, 10)}-${files.length}-images.zip`,
  };
}
