/**
 * The Web Share Target hand-off between the service worker and the app. The installed app receives a shared
 * picture as a multipart POST to SHARE_TARGET_PATH; the service worker keeps it in Cache Storage under
 * SHARE_TARGET_KEY and redirects to the image-to-image page, which takes it from there (once).
 */
export const SHARE_TARGET_PATH = "/share-target";
export const SHARE_TARGET_CACHE = "share-target";
export const SHARE_TARGET_KEY = "/share-target/latest";
export const SHARE_TARGET_REDIRECT = "/image-to-image?shared=1";
