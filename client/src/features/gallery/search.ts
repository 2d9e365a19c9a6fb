import { IMAGE_ASPECTS, IMAGE_SORTS, type ImageListQueryInput } from "@image-studio/shared";
import { z } from "zod";

export const VIEW_MODES = ["grid", "masonry", "list"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export type GalleryMode = "all" | "favorites" | "trash";

const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The gallery's URL state: filters, sort and view survive reloads and can be shared or bookmarked. */
export const gallerySearchSchema = z.object({
  q: opt(z.string().max(200)),
  sort: opt(z.enum(IMAGE_SORTS)),
  order: opt(z.enum(["asc", "desc"])),
  view: opt(z.enum(VIEW_MODES)),
  models: opt(z.array(z.string()).max(20)),
  tags: opt(z.array(z.string()).max(20)),
  projectId: opt(z.string().max(64)),
  collectionId: opt(z.string().max(64)),
  /** Images of one batch (the batch page links here). */
  batchId: opt(z.uuid()),
  favorite: opt(z.boolean()),
  aspect: opt(z.enum(IMAGE_ASPECTS)),
  minMegapixels: opt(z.number().min(0).max(100)),
  minRating: opt(z.number().int().min(1).max(5)),
  hasParent: opt(z.boolean()),
  /** Only images or only videos. */
  media: opt(z.enum(["image", "video"])),
  from: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type GallerySearch = z.infer<typeof gallerySearchSchema>;

/** How many filters (not sort or view) are set: the badge on the filter button. */
export function activeFilterCount(s: GallerySearch): number {
  const keys: (keyof GallerySearch)[] = ["models", "tags", "projectId", "collectionId", "batchId", "favorite", "aspect", "minMegapixels", "minRating", "hasParent", "media", "from", "to"];
  return keys.filter((k) => {
    const v = s[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  }).length;
}

/** The list API's query for a view of the gallery. */
export function toListQuery(s: GallerySearch, mode: GalleryMode): ImageListQueryInput {
  return {
    q: s.q || undefined,
    sort: mode === "trash" ? (s.sort ?? "deleted") : s.sort === "deleted" ? "date" : s.sort,
    order: s.order,
    modelId: s.models?.length ? s.models : undefined,
    tags: s.tags?.length ? s.tags : undefined,
    projectId: s.projectId as ImageListQueryInput["projectId"],
    collectionId: s.collectionId,
    batchId: s.batchId,
    favorite: mode === "favorites" ? true : s.favorite,
    aspect: s.aspect,
    minMegapixels: s.minMegapixels,
    minRating: s.minRating,
    hasParent: s.hasParent,
    mediaType: s.media,
    from: s.from,
    to: s.to,
    trash: mode === "trash" ? true : undefined,
  };
}

/** Query-string form of a list query (lists comma-separated, undefined left out). */
export function toQueryString(q: ImageListQueryInput & { cursor?: string; limit?: number }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "") continue;
    p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  return p.toString();
}
