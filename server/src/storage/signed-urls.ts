/**
 * Settings of presigned image URLs (env: FILE_URL_TTL_SECONDS, S3_PUBLIC_ENDPOINT, CDN_URL) and the origin a
 * browser fetches them from (the CSP's img-src/media-src/connect-src must allow it).
 */
export interface SignedUrlConfig {
  /** How long a handed-out URL works; 0 = never hand out URLs, stream through the API. */
  ttlSeconds: number;
  /** The endpoint as browsers reach it, when it differs from S3_ENDPOINT (e.g. `minio:9000` inside compose). */
  publicEndpoint?: string;
  /** A CDN in front of the bucket that forwards path and query unchanged (the signature still decides). */
  cdnUrl?: string;
}

interface BucketAddress {
  endpoint?: string;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  signedUrls?: SignedUrlConfig;
}

/** The URL a presigned request is signed for: `<endpoint>/<bucket>` (path style) or `<bucket>.<host>`. */
export function signingBase(opts: BucketAddress): URL {
  const endpoint = new URL(opts.signedUrls?.publicEndpoint ?? opts.endpoint ?? `https://s3.${opts.region}.amazonaws.com`);
  const root = endpoint.pathname.replace(/\/+$/, "");
  if (opts.forcePathStyle) return new URL(`${endpoint.protocol}//${endpoint.host}${root}/${encodeURIComponent(opts.bucket)}`);
  return new URL(`${endpoint.protocol}//${opts.bucket}.${endpoint.host}${root}`);
}

/** Signing times are rounded down to this many seconds, so one object keeps one URL for a while. */
export const signingWindow = (ttlSeconds: number) => Math.max(1, Math.floor(ttlSeconds / 2));

/** The origin browsers load signed URLs from, or undefined when files are streamed by the API. */
export function signedUrlOrigin(opts: BucketAddress): string | undefined {
  if (!opts.signedUrls || opts.signedUrls.ttlSeconds <= 0) return undefined;
  if (opts.signedUrls.cdnUrl) return new URL(opts.signedUrls.cdnUrl).origin;
  return signingBase(opts).origin;
}
