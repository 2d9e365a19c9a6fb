import { type ApiMessage, type ApiParam, msg } from "../../i18n/api";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * The SSRF guard of outgoing webhooks: a user names the URL, the server connects to it, so an address in a
 * private, loopback, link-local or otherwise non-public range would let them reach the server's own network.
 * Checked when an endpoint is saved (a clear 400) and again on every connection (DNS answers can change), by the
 * resolver the request itself uses — so a name can't resolve to a public address for the check and a private
 * one for the connection. WEBHOOK_ALLOW_PRIVATE_TARGETS=true lifts it (development and tests).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local (cloud metadata)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
  ["100::", 64], // discard
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d / ::ffff:7f00:1) or NAT64 (64:ff9b::) IPv6 address. */
function embeddedIpv4(ip: string): string | undefined {
  const lower = ip.toLowerCase();
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** Whether `ip` is in a range a webhook must not reach. Anything that isn't an IP address counts as private. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "").split("%")[0]!;
  const v4 = embeddedIpv4(bare);
  if (v4) return blocked.check(v4, "ipv4");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) return blocked.check(bare, "ipv6");
  return true;
}

export class SsrfRefused extends Error {
  override name = "SsrfRefused";
  /** The refusal in words of ours (rendered in the reader's language when it answers a request). */
  readonly text: ApiMessage;
  constructor(text: ApiMessage) {
    super(String(text));
    this.text = text;
  }
}

const refusal = (host: string, address: ApiParam) =>
  new SsrfRefused(msg("webhooks.privateTarget", { host, address }));

/** All addresses `host` resolves to. */
function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))),
  );
}

/** Refuses a URL whose host is, or resolves to, a non-public address (unless allowed). */
export async function assertPublicTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw refusal(host, host);
    return;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal"))
    throw refusal(host, msg("webhooks.localName"));
  let addrs: LookupAddress[];
  try {
    addrs = await resolveAll(host);
  } catch {
    throw new SsrfRefused(msg("webhooks.unknownHost", { host }));
  }
  const bad = addrs.find((a) => isPrivateAddress(a.address));
  if (bad) throw refusal(host, bad.address);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses non-public answers: the connection uses exactly what was checked. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addrs) => {
      if (err) return callback(err, []);
      const bad = allowPrivate ? undefined : addrs.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(refusal(hostname, bad.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addrs);
      const first = addrs[0];
      if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, []);
      callback(null, first.address, first.family);
    });
  };
}
