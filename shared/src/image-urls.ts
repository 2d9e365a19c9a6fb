/**
 * Image file addresses and the gallery's page sizes. No zod here: the gallery's first render, the offline engine and
 * the service worker read these without building the image contracts' schemas (images.ts re-exports them).
 */
export const IMAGE_VARIANTS = ["original", "thumb-256", "preview-768"] as const;
export type ImageVariant = (typeof IMAGE_VARIANTS)[number];

/** The one place image file URLs are built (server answers, client <img>, service-worker cache keys). */
export const imageFileUrl = (id: string, variant: ImageVariant = "thumb-256") => `/api/images/${id}/file/${variant}`;
export const imageDownloadUrl = (id: string) => `/api/images/download/${id}`;

/** The most images one bulk action (or bulk download) takes. */
export const BULK_MAX = 1000;
export const GALLERY_PAGE_DEFAULT = 100;
