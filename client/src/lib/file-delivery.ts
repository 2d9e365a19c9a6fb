/**
 * How this server hands out image files, as the app last saw it: from its own origin (local disk, or S3 streamed
 * through the API), or as a `302` to a signed bucket URL (S3 with `FILE_URL_TTL_SECONDS` > 0). It decides where a
 * picture shown online is loaded from (`BlurImage`): a same-origin file is loaded past the service worker and kept
 * by the browser's HTTP cache, which also answers the worker offline; a redirect is never cached, so those pictures
 * keep going through the worker, whose own cache keeps them for offline use under the API URL.
 *
 * Learnt from the files the app downloads itself (offline copies, the automatic cache of favourites and recent
 * images: `cacheFile`), whose final URL says whether they were redirected. Kept in localStorage so the next boot
 * knows before its first picture; read once per page, then kept current by `noteFileResponse`.
 */
const KEY = "image-studio:files-redirected";
let redirected: boolean | undefined;

export function filesRedirected(): boolean {
  if (redirected === undefined) {
    try {
      redirected = localStorage.getItem(KEY) === "1";
    } catch {
      redirected = false; // storage blocked: assume the default deployment
    }
  }
  return redirected;
}

/**
 * Notes what a successful download of `requested` (an image file URL) says about the server: it ended on another
 * origin (the bucket or its CDN) or not. A response made on the device (the worker answering from its blob store)
 * has no URL and says nothing.
 */
export function noteFileResponse(requested: string, res: Response): void {
  if (!res.ok || !res.url) return;
  const base = typeof location !== "undefined" ? location.href : "http://localhost/";
  const now = new URL(res.url, base).origin !== new URL(requested, base).origin;
  if (now === filesRedirected()) return;
  redirected = now;
  try {
    if (now) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: this page still knows
  }
}

/** Tests: forget what this page has read. */
export function resetFileDeliveryForTests(): void {
  redirected = undefined;
}
