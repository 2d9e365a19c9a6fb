import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { SignedUrlOptions } from "./types";

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

/**
 * The CORS rule of a bucket the app creates for signed URLs: the service worker caches pictures and offline saving
 * reads bytes with cors fetches that follow the redirect. Any origin: the signed URL is the credential, and whoever
 * holds one can open it anyway. An existing bucket's CORS is the operator's to set (README).
 */
export const BROWSER_CORS = {
  CORSRules: [{ AllowedMethods: ["GET", "HEAD"], AllowedOrigins: ["*"], AllowedHeaders: ["Range"], ExposeHeaders: ["Content-Length", "Content-Range", "ETag"], MaxAgeSeconds: 3600 }],
};

interface BucketAddress {
  endpoint?: string;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  signedUrls?: SignedUrlConfig;
}

interface SignerOptions extends BucketAddress {
  signedUrls: SignedUrlConfig;
  accessKeyId: string;
  secretAccessKey: string;
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

/**
 * Presigned GETs (AWS's own presigner, SigV4 query signing) valid for at least half the TTL and at most all of it:
 * the signing time is rounded down to a window of TTL/2, so one object gets one URL within a window and browsers
 * (and a CDN in front of the bucket) can cache it. The URL is signed for the endpoint browsers reach
 * (S3_PUBLIC_ENDPOINT when the API reaches the store under another name); with a CDN base, the signed path and
 * query go to the CDN's origin.
 */
export class UrlSigner {
  readonly origin: string;
  private readonly client: S3Client;

  constructor(private readonly opts: SignerOptions) {
    this.origin = signedUrlOrigin(opts) ?? signingBase(opts).origin;
    const endpoint = opts.signedUrls.publicEndpoint ?? opts.endpoint;
    this.client = new S3Client({
      ...(endpoint ? { endpoint } : {}),
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    });
  }

  async sign(key: string, opts: SignedUrlOptions): Promise<string> {
    const { ttlSeconds, cdnUrl } = this.opts.signedUrls;
    const window = signingWindow(ttlSeconds);
    const signingDate = new Date(Math.floor(opts.now.getTime() / 1000 / window) * window * 1000);
    const h = opts.responseHeaders ?? {};
    const command = new GetObjectCommand({
      Bucket: this.opts.bucket,
      Key: key,
      ...(h.cacheControl ? { ResponseCacheControl: h.cacheControl } : {}),
      ...(h.contentType ? { ResponseContentType: h.contentType } : {}),
      ...(h.contentDisposition ? { ResponseContentDisposition: h.contentDisposition } : {}),
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: ttlSeconds, signingDate });
    if (!cdnUrl) return url;
    const signed = new URL(url);
    return `${cdnUrl.replace(/\/+$/, "")}${signed.pathname}${signed.search}`;
  }
}
