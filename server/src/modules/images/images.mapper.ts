import { type ImageDetail, imageDownloadUrl, imageFileUrl, type ImageMetadataExport, type ImageSummary } from "@image-studio/shared";
import type { SummaryRow } from "./images.page.repo";
import type { ImageRow } from "./images.repo";

/** Rows → the camelCase JSON of shared/src/images.ts. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(r: Omit<SummaryRow, "cursorKey"> | ImageRow): ImageSummary {
  return {
    id: r.id,
    projectId: r.projectId,
    prompt: r.prompt.length > 300 ? r.prompt.slice(0, 300) : r.prompt,
    altText: r.altText,
    modelId: r.modelId,
    width: r.width,
    height: r.height,
    fileSize: r.fileSize,
    format: r.format,
    mediaType: r.mediaType,
    durationSeconds: r.durationSeconds,
    thumbhash: r.thumbhash,
    isFavorite: r.isFavorite,
    rating: r.rating,
    tags: r.tags,
    parentImageId: r.parentImageId,
    operation: r.operation,
    createdAt: r.createdAt.toISOString(),
    deletedAt: iso(r.deletedAt),
    version: r.version,
  };
}

const seedOf = (r: ImageRow) => (typeof r.parameters?.seed === "number" ? r.parameters.seed : null);

export function toDetail(r: ImageRow, projectName: string | null, madeBy?: { id: string; name: string } | null): ImageDetail {
  return {
    ...toSummary(r),
    prompt: r.prompt,
    negativePrompt: r.negativePrompt,
    modelVersion: r.modelVersion,
    parameters: r.parameters ?? {},
    seed: seedOf(r),
    generationTime: r.generationTime,
    costCredits: r.costCredits,
    jobId: r.jobId,
    notes: r.notes,
    isPublic: r.isPublic,
    phash: r.phash,
    metadata: r.metadata ?? {},
    updatedAt: r.updatedAt.toISOString(),
    projectName,
    ...(madeBy !== undefined ? { madeBy } : {}),
    urls: { original: imageFileUrl(r.id, "original"), thumb: imageFileUrl(r.id, "thumb-256"), preview: imageFileUrl(r.id, "preview-768"), download: imageDownloadUrl(r.id) },
  };
}

const EXT: Record<string, string> = { png: "png", jpeg: "jpg", jpg: "jpg", webp: "webp", mp4: "mp4" };
export const extensionOf = (format: string) => EXT[format] ?? "bin";

/** "a-violet-sunset-over-the-3f2a9c1e.png": readable, ASCII-only, unique per image. */
export function fileNameFor(r: { id: string; prompt: string; format: string }): string {
  const slug = r.prompt
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 8)
    .join("-")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "image"}-${r.id.slice(0, 8)}.${extensionOf(r.format)}`;
}

export function toMetadata(r: ImageRow): ImageMetadataExport {
  return {
    id: r.id,
    fileName: fileNameFor(r),
    prompt: r.prompt,
    negativePrompt: r.negativePrompt,
    modelId: r.modelId,
    modelVersion: r.modelVersion,
    operation: r.operation,
    parameters: r.parameters ?? {},
    seed: seedOf(r),
    width: r.width,
    height: r.height,
    format: r.format,
    fileSize: r.fileSize,
    generationTime: r.generationTime,
    costCredits: r.costCredits,
    parentImageId: r.parentImageId,
    projectId: r.projectId,
    tags: r.tags,
    rating: r.rating,
    isFavorite: r.isFavorite,
    notes: r.notes,
    altText: r.altText,
    createdAt: r.createdAt.toISOString(),
  };
}
