/**
 * Downloads fal output files. fal result JSON names URLs we then fetch from the server, so this is an SSRF
 * boundary: only fal's CDN hosts (https), the configured fal-compatible server, and hosts the operator adds are
 * fetched; redirects are followed by hand and re-checked; size, time and content type are bounded.
 */
import { ProviderError } from "../types";
import { isMp4 } from "./mp4";

export interface DownloadGuardOptions {
  /** Origin of a configured non-fal queue server (FAL_QUEUE_URL); its files are allowed. */
  customOrigin?: string;
  /** Extra hostnames (exact, or "*.example.com" for subdomains), https only. */
  extraHosts?: readonly string[];
}

export interface DownloadOptions {
  fetch: typeof fetch;
  maxBytes: number;
  timeoutMs: number;
  /** "video": the file is an MP4 (image-to-video results) instead of an image. */
  kind?: "image" | "video";
}

export interface Downloaded {
  data: Buffer;
  contentType: string;
}

const MAX_REDIRECTS = 3;
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"];

const hostMatches = (host: string, pattern: string) =>
  pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;

export class DownloadGuard {
  private readonly customOrigin?: string;
  private readonly extraHosts: string[];

  constructor(opts: DownloadGuardOptions = {}) {
    this.customOrigin = opts.customOrigin;
    this.extraHosts = (opts.extraHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
  }

  /** True when the URL points at a host we trust to serve fal output files. */
  allows(url: URL): boolean {
    if (url.username || url.password) return false;
    if (this.customOrigin && url.origin === this.customOrigin) return true;
    if (url.protocol !== "https:" || url.port !== "") return false;
    const host = url.hostname.toLowerCase();
    if (host === "fal.media" || host.endsWith(".fal.media")) return true;
    // fal's own bucket (example outputs and some older endpoints); not the rest of Google Cloud Storage.
    if (host === "storage.googleapis.com" && url.pathname.startsWith("/falserverless/")) return true;
    return this.extraHosts.some((p) => hostMatches(host, p));
  }
}

export function sniffImageType(data: Buffer): string | undefined {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  if (data.length >= 12 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP")
    return "image/webp";
  if (data.length >= 6 && data.toString("latin1", 0, 3) === "GIF") return "image/gif";
  if (data.length >= 12 && data.toString("latin1", 4, 8) === "ftyp" && /^avi[fs]$/.test(data.toString("latin1", 8, 12)))
    return "image/avif";
  return undefined;
}

function fromDataUri(uri: string, maxBytes: number): Downloaded {
  const m = /^data:(image\/[a-z0-9.+-]+);base64,(.*)$/is.exec(uri);
  if (!m) throw new ProviderError("internal", "fal.ai returned an inline file that is not a base64 image", false);
  const data = Buffer.from(m[2]!, "base64");
  if (data.length > maxBytes)
    throw new ProviderError("internal", "A result image is larger than the download limit", false);
  const contentType = sniffImageType(data);
  if (!contentType) throw new ProviderError("internal", "fal.ai returned an inline file that is not an image", false);
  return { data, contentType };
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new ProviderError("internal", `A result image is larger than the download limit (${maxBytes} bytes)`, false);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ProviderError(
        "internal",
        `A result image is larger than the download limit (${maxBytes} bytes)`,
        false,
      );
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** Fetches one output file (or decodes a data: URI) under the guard's rules. */
export async function downloadFalFile(
  rawUrl: string,
  guard: DownloadGuard,
  opts: DownloadOptions,
): Promise<Downloaded> {
  if (rawUrl.startsWith("data:")) return fromDataUri(rawUrl, opts.maxBytes);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ProviderError("internal", "fal.ai returned a malformed file URL", false);
  }
  const signal = AbortSignal.timeout(opts.timeoutMs);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!guard.allows(url)) {
      throw new ProviderError(
        "internal",
        `Refused to download a result from ${url.host}: not a fal.ai file host`,
        false,
        { url: url.toString() },
      );
    }
    let res: Response;
    try {
      const accept = opts.kind === "video" ? "video/mp4" : "image/*";
      res = await opts.fetch(url, { redirect: "manual", signal, headers: { accept } });
    } catch (err) {
      const timedOut =
        (err as { name?: string }).name === "TimeoutError" || (err as { name?: string }).name === "AbortError";
      throw new ProviderError(
        timedOut ? "timeout" : "unavailable",
        timedOut ? "Downloading a result image timed out" : "Could not download a result image",
        true,
      );
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel().catch(() => {});
      url = new URL(location, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const retryable = res.status === 429 || res.status >= 500;
      throw new ProviderError(
        retryable ? "unavailable" : "internal",
        `Downloading a result image failed (HTTP ${res.status})`,
        retryable,
      );
    }
    const declaredType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const video = opts.kind === "video";
    const acceptable =
      (video ? declaredType === "video/mp4" : IMAGE_TYPES.includes(declaredType)) ||
      declaredType === "application/octet-stream" ||
      declaredType === "binary/octet-stream";
    if (!acceptable) {
      await res.body?.cancel().catch(() => {});
      throw new ProviderError(
        "internal",
        `A result file is not ${video ? "an MP4 video" : "an image"} (${declaredType || "no content type"})`,
        false,
      );
    }
    const data = await readCapped(res, opts.maxBytes);
    if (video) {
      if (!isMp4(data)) throw new ProviderError("internal", "A result file is not an MP4 video", false);
      return { data, contentType: "video/mp4" };
    }
    const sniffed = sniffImageType(data);
    if (!sniffed) throw new ProviderError("internal", "A result file is not an image", false);
    return { data, contentType: sniffed };
  }
  throw new ProviderError("internal", "Too many redirects while downloading a result image", false);
}
