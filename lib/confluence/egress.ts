import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, buildConnector, type Dispatcher } from "undici";

/**
 * Where this app may open connections. Confluence Cloud, Atlassian's gateway and its media
 * hosts are public: an address that is private, loopback, link-local (the cloud metadata
 * service at 169.254.169.254) or otherwise not globally routable is refused when the socket
 * is opened, after DNS, so a name that resolves (or re-resolves) there gets nowhere. Origins the
 * operator listed (CONFLUENCE_EXTRA_SITE_ORIGINS, or Atlassian URLs pointed elsewhere) are exempt.
 */

const NOT_PUBLIC: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "unspecified"],
  ["10.0.0.0", 8, "ipv4", "private"],
  ["100.64.0.0", 10, "ipv4", "shared (carrier-grade NAT)"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "link-local"],
  ["172.16.0.0", 12, "ipv4", "private"],
  ["192.0.0.0", 24, "ipv4", "reserved"],
  ["192.168.0.0", 16, "ipv4", "private"],
  ["198.18.0.0", 15, "ipv4", "benchmarking"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  ["::", 128, "ipv6", "unspecified"],
  ["::1", 128, "ipv6", "loopback"],
  ["64:ff9b::", 96, "ipv6", "NAT64"],
  ["fc00::", 7, "ipv6", "private"],
  ["fe80::", 10, "ipv6", "link-local"],
  ["ff00::", 8, "ipv6", "multicast"],
];

const lists = NOT_PUBLIC.map(([network, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, kind };
});

/** Why an IP address is not public ("loopback", "link-local"…), or undefined when it is. */
export function nonPublicKind(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  // IPv4 rules also match IPv4-mapped IPv6 (::ffff:127.0.0.1).
  for (const { list, kind } of lists) if (list.check(address, family === 4 ? "ipv4" : "ipv6")) return kind;
  return undefined;
}

/** Thrown from the connect hook; the transport turns it into a DestinationRefusedError with the route. */
export class RefusedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`${host} resolves to ${address}, a ${kind} address`);
    this.name = "RefusedAddress";
  }
}

export const normalizeOrigin = (origin: string) => new URL(origin).origin.toLowerCase();

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that drops non-public answers, and fails when nothing public is left. */
export function publicOnlyLookup() {
  return (hostname: string, options: { all?: boolean; family?: number } | undefined, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const found = addresses as LookupAddress[];
      const usable = found.filter((a) => nonPublicKind(a.address) === undefined);
      if (usable.length === 0) {
        const first = found[0];
        const refused = new RefusedAddress(hostname, first?.address ?? "no address", first ? nonPublicKind(first.address)! : "missing");
        return callback(Object.assign(refused, { code: "ERR_DESTINATION_REFUSED" }), []);
      }
      if (options?.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

function createEgressAgent(trusted: Set<string>): Agent {
  const open = buildConnector({});
  const guarded = buildConnector({ lookup: publicOnlyLookup() } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    const origin = `${options.protocol}//${options.host}`.toLowerCase();
    if (trusted.has(origin)) return open(options, callback);
    // Literal addresses never reach the lookup hook, so they are checked here.
    const kind = isIP(options.hostname) ? nonPublicKind(options.hostname) : undefined;
    if (kind) return callback(new RefusedAddress(options.hostname, options.hostname, kind), null);
    return guarded(options, callback);
  };
  return new Agent({ connect });
}

const agents = new Map<string, Agent>();

/** The dispatcher for a set of trusted origins: one shared connection pool per distinct set. */
export function egressDispatcher(trustedOrigins: Iterable<string> = []): Dispatcher {
  const trusted = new Set([...trustedOrigins].map(normalizeOrigin));
  const key = [...trusted].sort().join(" ");
  let agent = agents.get(key);
  if (!agent) {
    agent = createEgressAgent(trusted);
    agents.set(key, agent);
  }
  return agent;
}

/** Atlassian serves attachment bytes from its media hosts; a download may be redirected there. */
export function isAtlassianMediaOrigin(url: URL): boolean {
  return url.protocol === "https:" && (url.hostname === "api.media.atlassian.com" || url.hostname.endsWith(".media.atlassian.com"));
}
