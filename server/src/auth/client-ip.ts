import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The header through which we hand Better Auth the client address we resolved. Any incoming copy is dropped,
 * so a client can't pick its own rate-limit bucket.
 */
export const CLIENT_IP_HEADER = "x-image-studio-client-ip";

/**
 * The client's address: behind a trusted proxy (TRUST_PROXY=true) the last X-Forwarded-For hop (the one
 * our proxy appended), otherwise the socket's peer. undefined when neither is known (in-process requests).
 */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const last = hops.at(-1) ?? c.req.header("x-real-ip")?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
}
