import { parseArgs } from "node:util";
import { startSimulator } from "./index";

/** `npx tsx simulator/cli.ts --port 4010 --seed 42 --spaces 5 --pages 500` */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "42" },
    spaces: { type: "string", default: "5" },
    pages: { type: "string", default: "500" },
    blogposts: { type: "string" },
    users: { type: "string" },
    "token-ttl": { type: "string" },
    latency: { type: "string" },
    "rate-429": { type: "string" },
    "rate-5xx": { type: "string" },
    "retry-after": { type: "string" },
    burst: { type: "string" },
    quota: { type: "string" },
    "quota-window": { type: "string" },
    decoy: { type: "boolean", default: false },
    flavor: { type: "string", default: "cloud" },
    "context-path": { type: "string" },
    "dc-version": { type: "string" },
    anonymous: { type: "boolean", default: false },
    "time-zone": { type: "string" },
    "dc-rate": { type: "string" },
    "dc-rate-max": { type: "string" },
  },
  allowPositionals: true,
});
const n = (v: string | undefined) => (v === undefined ? undefined : Number(v));

async function main(): Promise<void> {
  if (values.flavor !== "cloud" && values.flavor !== "datacenter") throw new Error(`--flavor must be cloud or datacenter, not ${values.flavor}`);
  const rate = n(values["dc-rate"]);
  const sim = await startSimulator({
    flavor: values.flavor as "cloud" | "datacenter",
    datacenter: {
      contextPath: values["context-path"],
      version: values["dc-version"],
      anonymousAccess: values.anonymous,
      timeZone: values["time-zone"],
      rateLimit: {
        ...(rate !== undefined ? { enabled: rate > 0, fillRate: rate } : {}),
        ...(values["dc-rate-max"] ? { maxRequests: Number(values["dc-rate-max"]) } : {}),
      },
    },
    port: Number(values.port),
    host: values.host,
    seed: Number(values.seed),
    spaces: Number(values.spaces),
    pages: Number(values.pages),
    blogPosts: n(values.blogposts),
    users: n(values.users),
    tokenTtlSeconds: n(values["token-ttl"]),
    latencyMs: n(values.latency),
    faults: {
      ...(values["rate-429"] ? { rate429: Number(values["rate-429"]) } : {}),
      ...(values["rate-5xx"] ? { rate5xx: Number(values["rate-5xx"]) } : {}),
      ...(values["retry-after"] ? { retryAfterSeconds: Number(values["retry-after"]) } : {}),
    },
    burstPerSecond: n(values.burst),
    quota: values.quota ? { points: Number(values.quota), windowSeconds: n(values["quota-window"]) } : undefined,
    decoySite: values.decoy,
  });
  console.log(`Confluence simulator listening on ${sim.url}`);
  if (sim.dc) {
    const d = sim.dc;
    console.log(`  flavor:       Confluence Data Center ${d.version} (time zone ${d.timeZone}, anonymous access ${d.anonymousAccess ? "on" : "off"})`);
    console.log(`  base URL:     ${d.baseUrl}  (REST API under ${d.baseUrl}/rest/api)`);
    console.log(`  admin:        ${d.admin.username} / ${d.admin.password}  PAT ${d.admin.pat}`);
    console.log(`  user:         ${d.user.username} / ${d.user.password}  PAT ${d.user.pat}  (not an administrator)`);
    console.log(`  admin API:    ${sim.url}/__admin/dc`);
  } else {
    console.log(`  site URL:     ${sim.url}  (API under ${sim.url}/wiki/api/v2 and ${sim.url}/wiki/rest/api)`);
    console.log(`  cloud id:     ${sim.cloudId}`);
    console.log(`  admin email:  ${sim.admin.email}`);
    console.log(`  admin token:  ${sim.admin.apiToken}`);
    console.log(`  OAuth:        ${sim.authUrl}/authorize, ${sim.authUrl}/oauth/token, ${sim.apiUrl}/oauth/token/accessible-resources`);
    console.log(`  admin API:    ${sim.url}/__admin/info`);
  }
  console.log(`  generated ${sim.store.contents.size} pages/blog posts/folders in ${Math.round(sim.generationMs)} ms`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
