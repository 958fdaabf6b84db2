import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

/** Validates simulator responses against Atlassian's OpenAPI description of REST API v2. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the OpenAPI file is read as untyped data
type Json = Record<string, any>;
const spec: Json = JSON.parse(readFileSync(path.join(__dirname, "../spec/confluence-cloud-rest-v2.openapi.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
addFormats(ajv);
ajv.addFormat("int32", true).addFormat("int64", true);
ajv.addSchema(spec, "spec");

const templates = Object.keys(spec.paths).map((t) => ({
  t,
  re: new RegExp("^" + t.replace(/\{[^}]+\}/g, "[^/]+") + "$"),
  literal: t.replace(/\{[^}]+\}/g, "").length,
}));

/** The spec path template for a concrete /wiki/api/v2/... path (most literal match wins). */
export function findOperation(method: string, fullPath: string): { template: string; op: Json } | null {
  const p = fullPath.replace(/^.*?\/wiki\/api\/v2/, "").split("?")[0];
  const hits = templates.filter((x) => x.re.test(p) && spec.paths[x.t][method.toLowerCase()]).sort((a, b) => b.literal - a.literal);
  if (!hits.length) return null;
  return { template: hits[0].t, op: spec.paths[hits[0].t][method.toLowerCase()] };
}

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export interface Check {
  ok: boolean;
  errors: string[];
}

/** Status must be documented; a documented JSON schema must validate; a Link header must be `<...>; rel="next"`. */
export function validateResponse(method: string, fullPath: string, status: number, body: unknown, link: string | null): Check {
  const found = findOperation(method, fullPath);
  if (!found) return { ok: false, errors: [`no operation in spec for ${method} ${fullPath}`] };
  const errors: string[] = [];
  const responses = found.op.responses as Json;
  if (!responses[String(status)]) errors.push(`status ${status} not documented for ${method} ${found.template} (documented: ${Object.keys(responses)})`);
  const content = responses[String(status)]?.content?.["application/json"];
  if (content?.schema) {
    const ref = `spec#/paths/${esc(found.template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    if (!validate(body)) errors.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  }
  if (link !== null && !/^<\/wiki\/api\/v2\/[^>]*cursor=[^>]+>; rel="next"(, <[^>]+>; rel="base")?$/.test(link)) errors.push(`bad Link header: ${link}`);
  if (link !== null && (body as Json)?._links?.next === undefined) errors.push("Link header without _links.next");
  return { ok: errors.length === 0, errors };
}
