import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The header through which we hand Better Auth the client address we resolved. Any incoming copy is dropped,
 * so a client can't pick its own rate-limit bucket.
 */
export const CLIENT_IP_HEADER = "x-image-studio-client-ip";

/** The TCP peer's address; undefined for in-process requests (no socket). */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
}

/** The client address a proxy reported: the last X-Forwarded-For hop (the one our proxy appended), or X-Real-IP. */
function forwardedAddress(c: Context): string | undefined {
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return hops.at(-1) ?? (c.req.header("x-real-ip")?.trim() || undefined);
}

/**
 * The client's address: behind a trusted proxy (TRUST_PROXY=true) the address the proxy reported, otherwise the
 * socket's peer. undefined when neither is known (in-process requests).
 */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  return (trustProxy ? forwardedAddress(c) : undefined) ?? socketAddress(c);
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.toLowerCase().startsWith("::ffff:") ? ip.slice(7) : ip;
  return v4.startsWith("127.") || ip === "::1";
}

/**
 * Whether the request was addressed to this machine by a name that can't be rebound: localhost, a loopback
 * address, or APP_URL's host. A page on a domain that an attacker re-points at 127.0.0.1 (DNS rebinding) still
 * sends its own name as Host, and is refused.
 */
export function addressedLocally(c: Context, appUrl: string): boolean {
  const host = new URL(c.req.url).hostname.toLowerCase();
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  return host === "localhost" || isLoopback(bare) || host === new URL(appUrl).hostname.toLowerCase();
}

/**
 * Whether a request comes from this machine. Decided by the socket, never by headers alone: the peer must be a
 * loopback address. A request relayed by a proxy on this machine (it carries X-Forwarded-For, X-Real-IP or
 * Forwarded) is local only when TRUST_PROXY is on and the client the proxy reports is itself a loopback address;
 * without TRUST_PROXY such a request could be anyone's. In-process requests (no socket) are not local.
 */
export function isLocalRequest(c: Context, trustProxy: boolean): boolean {
  if (!isLoopback(socketAddress(c))) return false;
  const relayed = forwardedAddress(c);
  if (relayed === undefined && !c.req.header("forwarded")) return true;
  return trustProxy && isLoopback(relayed);
}
