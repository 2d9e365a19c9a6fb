/**
 * Share links: a token that opens one image, project or collection for anyone holding it (optionally behind a
 * password, until an expiry, with or without downloads and prompts), and what the public pages receive.
 */
import { z } from "zod";
import { safeDateTime, safeText } from "./safe";
import { SHARE_EXPIRY_PRESETS, SHARE_KINDS, SHARE_PASSWORD_MAX, SHARE_PASSWORD_MIN, SHARE_TOKEN_PATTERN } from "./share-values";
import { vm } from "./validation-messages";

export * from "./share-values";
export * from "./share-unlock";

export const shareTokenSchema = z.string().regex(new RegExp(`^${SHARE_TOKEN_PATTERN}$`), vm("share.tokenInvalid"));

const password = safeText()
  .min(SHARE_PASSWORD_MIN, vm("common.atLeastChars", { min: SHARE_PASSWORD_MIN }))
  .max(SHARE_PASSWORD_MAX, vm("common.atMostChars", { max: SHARE_PASSWORD_MAX }));
const expiresAt = safeDateTime();

/** POST /api/share/{kind}/:id — every field optional: no password, never expires, downloads and prompt on. */
export const shareCreateSchema = z
  .object({
    password: password.optional(),
    expiresAt: expiresAt.nullable().optional(),
    expiresIn: z.enum(SHARE_EXPIRY_PRESETS).optional(),
    allowDownload: z.boolean().optional(),
    showPrompt: z.boolean().optional(),
    /** Project and collection links: anonymous reviewers may approve or request changes per image. */
    allowReview: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !(v.expiresAt && v.expiresIn), { message: vm("share.expiryOrPreset"), path: ["expiresIn"] });
export type ShareCreate = z.infer<typeof shareCreateSchema>;

/** PATCH /api/share/:token — `password: null` removes the password, `expiresAt: null` makes it never expire. */
export const shareUpdateSchema = z
  .object({
    password: password.nullable().optional(),
    expiresAt: expiresAt.nullable().optional(),
    expiresIn: z.enum(SHARE_EXPIRY_PRESETS).optional(),
    allowDownload: z.boolean().optional(),
    showPrompt: z.boolean().optional(),
    /** Project and collection links: anonymous reviewers may approve or request changes per image. */
    allowReview: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !(v.expiresAt && v.expiresIn), { message: vm("share.expiryOrPreset"), path: ["expiresIn"] });
export type ShareUpdate = z.infer<typeof shareUpdateSchema>;

export const SHARE_STATUSES = ["active", "expired", "revoked"] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** A link as its owner sees it (create answer, list row). */
export const shareLinkSchema = z.object({
  id: z.uuid(),
  token: z.string(),
  kind: z.enum(SHARE_KINDS),
  targetId: z.uuid(),
  /** Project or collection name, or the image's alt text / prompt. */
  targetName: z.string(),
  /** An image of the target for the owner's list (the owner's own file URL), or null for an empty album. */
  thumbImageId: z.uuid().nullable(),
  /** The public page, absolute. */
  url: z.string(),
  hasPassword: z.boolean(),
  expiresAt: z.string().nullable(),
  allowDownload: z.boolean(),
  showPrompt: z.boolean(),
  allowReview: z.boolean(),
  /** Reviewers' current verdicts through this link (one per reviewer per image). */
  reviews: z.object({ approved: z.number().int(), changesRequested: z.number().int() }),
  viewCount: z.number().int(),
  lastViewedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(SHARE_STATUSES),
  createdAt: z.string(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;
export const shareLinkListSchema = z.object({ items: z.array(shareLinkSchema) });
export type ShareLinkList = z.infer<typeof shareLinkListSchema>;

/** One picture as an anonymous viewer gets it: URLs scoped to the token, the prompt only when the owner allows. */
export const sharedImageSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  altText: z.string(),
  thumbhash: z.string().nullable(),
  createdAt: z.string(),
  modelId: z.string().nullable(),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()).nullable(),
  seed: z.number().nullable(),
  /** "video": `urls.video` is the clip (MP4 or animated WebP); thumb and preview are its poster frame. */
  mediaType: z.enum(["image", "video"]),
  format: z.string(),
  durationSeconds: z.number().nullable(),
  urls: z.object({
    thumb: z.string(),
    preview: z.string(),
    /** Videos only: the clip, played on the page — viewing a video needs it even when downloads are off. */
    video: z.string().nullable(),
    /** Only when downloads are allowed. */
    original: z.string().nullable(),
    download: z.string().nullable(),
  }),
});
export type SharedImage = z.infer<typeof sharedImageSchema>;

/** GET /api/share/{kind}/:token. */
export const sharedViewSchema = z.object({
  kind: z.enum(SHARE_KINDS),
  title: z.string(),
  description: z.string(),
  allowDownload: z.boolean(),
  showPrompt: z.boolean(),
  /** Reviewers may give each image a verdict (`/api/share/{kind}/:token/reviews`). */
  allowReview: z.boolean(),
  expiresAt: z.string().nullable(),
  images: z.array(sharedImageSchema),
});
export type SharedView = z.infer<typeof sharedViewSchema>;

