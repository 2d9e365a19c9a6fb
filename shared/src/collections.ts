import { z } from "zod";
import { imageFilterSchema, imageSummarySchema } from "./images";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/** Contracts of the collections API (/api/collections) and the fractional ranks that order them. */

/** Base-62 digits in ASCII order, so ranks compare with plain string order (`COLLATE "C"` in SQL). */
export const RANK_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANK_RE = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export const isRank = (s: string) => RANK_RE.test(s);

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? "0") === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? RANK_DIGITS.indexOf(a[0]!) : 0;
  const db = b !== null ? RANK_DIGITS.indexOf(b[0]!) : RANK_DIGITS.length;
  if (db - da > 1) return RANK_DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return RANK_DIGITS[da]! + midpoint(a.slice(1), null);
}

/**
 * A rank strictly between `a` and `b` (null = open end). Ranks are base-62 strings that never end in "0", so
 * there is always room between two of them and a move rewrites one row.
 */
export function rankBetween(a: string | null, b: string | null): string {
  if (a !== null && !isRank(a)) throw new Error(`invalid rank: ${a}`);
  if (b !== null && !isRank(b)) throw new Error(`invalid rank: ${b}`);
  if (a !== null && b !== null && a >= b) throw new Error(`ranks out of order: ${a} >= ${b}`);
  return midpoint(a ?? "", b);
}

/** `n` increasing ranks after `after` (for appending several images at once). */
export function ranksAfter(after: string | null, n: number): string[] {
  const out: string[] = [];
  let prev = after;
  for (let i = 0; i < n; i++) out.push((prev = rankBetween(prev, null)));
  return out;
}

const name = z.string().trim().min(1, vm("library.collectionNameRequired")).max(LIMITS.nameMaxLength);

/** A saved gallery filter (without paging or the trash). */
export const smartFilterSchema = imageFilterSchema.omit({ trash: true, collectionId: true });
export type SmartFilter = z.output<typeof smartFilterSchema>;

export const collectionCreateSchema = z
  .object({
    id: z
      .uuid()
      .transform((s) => s.toLowerCase())
      .optional(),
    name,
    description: z.string().max(LIMITS.descriptionMaxLength).optional(),
    coverImageId: z.uuid().nullable().optional(),
    smartFilter: smartFilterSchema.nullable().optional(),
  })
  .strict();
export type CollectionCreate = z.input<typeof collectionCreateSchema>;

export const collectionUpdateSchema = collectionCreateSchema
  .omit({ id: true })
  .extend({ name: name.optional() })
  .strict();
export type CollectionUpdate = z.input<typeof collectionUpdateSchema>;

export const collectionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  coverImageId: z.uuid().nullable(),
  /** The chosen cover, or the first image in order. */
  effectiveCoverImageId: z.uuid().nullable(),
  smartFilter: z.record(z.string(), z.unknown()).nullable(),
  isSmart: z.boolean(),
  /** Hand-curated collections only; smart collections count on their page. */
  imageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Collection = z.infer<typeof collectionSchema>;
export const collectionListSchema = z.object({ items: z.array(collectionSchema) });

export const collectionImageSchema = imageSummarySchema.extend({ position: z.string().nullable() });
export type CollectionImage = z.infer<typeof collectionImageSchema>;
export const collectionDetailSchema = collectionSchema.extend({ images: z.array(collectionImageSchema) });
export type CollectionDetail = z.infer<typeof collectionDetailSchema>;

export const collectionAddImagesSchema = z.object({
  imageIds: z
    .array(z.uuid())
    .min(1, vm("common.selectAtLeastOneImage"))
    .max(1000)
    .transform((ids) => [...new Set(ids.map((i) => i.toLowerCase()))]),
});

/** Move `imageId` right after `afterImageId` (null = to the front). */
export const collectionReorderSchema = z.object({
  imageId: z.uuid().transform((s) => s.toLowerCase()),
  afterImageId: z
    .uuid()
    .transform((s) => s.toLowerCase())
    .nullable(),
});
export type CollectionReorder = z.input<typeof collectionReorderSchema>;
