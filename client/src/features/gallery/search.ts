import type { ImageListQueryInput } from "@image-studio/shared";
import { IMAGE_ASPECTS, IMAGE_SORTS } from "@image-studio/shared/url-values";
import { flag, list, num, oneOf, searchParams, type SearchOf, text, uuid } from "@/lib/search-params";

export const VIEW_MODES = ["grid", "masonry", "list"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export type GalleryMode = "all" | "favorites" | "trash";

const day = text(10, /^\d{4}-\d{2}-\d{2}$/);
const gallerySearch = {
  q: text(200),
  sort: oneOf(IMAGE_SORTS),
  order: oneOf(["asc", "desc"]),
  view: oneOf(VIEW_MODES),
  models: list(text(), 20),
  tags: list(text(), 20),
  projectId: text(64),
  collectionId: text(64),
  /** Images of one batch (the batch page links here). */
  batchId: uuid,
  favorite: flag,
  aspect: oneOf(IMAGE_ASPECTS),
  minMegapixels: num({ min: 0, max: 100 }),
  minRating: num({ min: 1, max: 5, integer: true }),
  hasParent: flag,
  /** Only images or only videos. */
  media: oneOf(["image", "video"]),
  from: day,
  to: day,
};

/** The gallery's URL state: filters, sort and view survive reloads and can be shared or bookmarked. */
export const gallerySearchSchema = searchParams(gallerySearch);
export type GallerySearch = SearchOf<typeof gallerySearch>;

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
