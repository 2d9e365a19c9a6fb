/**
 * Builds the @fal-ai/client instance. FAL_QUEUE_URL (default https://queue.fal.run) can point it at any
 * fal-compatible server: a request middleware rewrites the queue host (and, for a non-fal server, the REST
 * host used for storage uploads) onto that base URL. In Node the client's string `proxyUrl` is ignored, so
 * rewriting is the reliable way (reference §4.5 B).
 */
import { createFalClient, type FalClient } from "@fal-ai/client";

export const DEFAULT_QUEUE_URL = "https://queue.fal.run";
const QUEUE_ORIGIN = "https://queue.fal.run";
const REST_ORIGIN = "https://rest.fal.ai";
const FAL_OWNED = /(^|\.)(fal\.run|fal\.ai|falrun\.com|fal\.media)$/i;

export interface FalClientOptions {
  key: string;
  queueUrl?: string;
  fetch?: typeof fetch;
}

export interface FalClientSetup {
  client: FalClient;
  /** Origin of a non-fal queue server (a fake or a relay); its file URLs may be downloaded. */
  customOrigin?: string;
  rewrite(url: string): string;
}

export function createConfiguredFalClient(opts: FalClientOptions): FalClientSetup {
  const base = new URL(opts.queueUrl ?? DEFAULT_QUEUE_URL);
  if (base.protocol !== "https:" && base.protocol !== "http:")
    throw new Error(`FAL_QUEUE_URL must be an http(s) URL, got ${base.protocol}`);
  const baseText = base.toString().replace(/\/+$/, "");
  const isDefault = baseText === QUEUE_ORIGIN;
  const falOwned = FAL_OWNED.test(base.hostname);
  const rewrite = (url: string): string => {
    if (isDefault) return url;
    if (url === QUEUE_ORIGIN || url.startsWith(`${QUEUE_ORIGIN}/`) || url.startsWith(`${QUEUE_ORIGIN}?`))
      return baseText + url.slice(QUEUE_ORIGIN.length);
    if (!falOwned && (url.startsWith(`${REST_ORIGIN}/`) || url === REST_ORIGIN))
      return baseText + url.slice(REST_ORIGIN.length);
    return url;
  };
  const client = createFalClient({
    credentials: opts.key,
    suppressLocalCredentialsWarning: true,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    requestMiddleware: async (req) => ({ ...req, url: rewrite(req.url) }),
  });
  return { client, rewrite, ...(isDefault || falOwned ? {} : { customOrigin: base.origin }) };
}

/** `owner/app` (with a workflows/comfy namespace kept) — the part of an endpoint id status/result/cancel use. */
export function queueAppOf(endpointId: string): string {
  const parts = endpointId.split("/");
  const ns = parts[0] === "workflows" || parts[0] === "comfy" ? 1 : 0;
  return parts.slice(0, ns + 2).join("/");
}
