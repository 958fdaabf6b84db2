import { chance, hashSeed, int, mulberry32, pick, type Rng } from "../rand";
import type { Store } from "../store/store";
import type { Comment, Content } from "../store/types";
import { langOf } from "./words";

/** Deterministic Confluence storage-format bodies, generated from (seed, id, version) on demand. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CODE_SAMPLES: [string, string][] = [
  ["java", 'public class Hello {\n  public static void main(String[] args) {\n    System.out.println("Hello <world> & co");\n  }\n}'],
  ["python", "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\nprint([fib(i) for i in range(10)])"],
  ["sql", "SELECT id, title FROM pages WHERE space_key = 'ENG' AND updated_at > now() - interval '7 days';"],
  ["bash", "#!/bin/bash\nset -euo pipefail\nkubectl rollout status deploy/api --timeout=120s"],
  [
    "typescript",
    "export async function sync(cursor?: string): Promise<void> {\n  const res = await fetch(`/wiki/api/v2/pages?cursor=${cursor ?? ''}`);\n  if (!res.ok) throw new Error(String(res.status));\n}",
  ],
];

function para(rng: Rng, lang: string): string {
  const l = langOf(lang);
  return `<p>${esc(pick(rng, l.sentences))} ${esc(pick(rng, l.sentences))}</p>`;
}

function pageLink(store: Store, rng: Rng, c: Content): string {
  const list = store.contentList;
  for (let i = 0; i < 5; i++) {
    const other = list[Math.floor(rng() * list.length)];
    if (other && other.type === "page" && other.id !== c.id) {
      const space = store.spaces.get(other.spaceId);
      return `<ac:link><ri:page ri:content-title="${esc(other.title)}" ri:space-key="${esc(space?.key ?? "")}" /><ac:plain-text-link-body><![CDATA[${other.title}]]></ac:plain-text-link-body></ac:link>`;
    }
  }
  return "";
}

function mention(store: Store, rng: Rng): string {
  const users = [...store.users.keys()];
  return `<ac:link><ri:user ri:account-id="${pick(rng, users)}" /></ac:link>`;
}

function macro(name: string, inner: string, params: Record<string, string> = {}, rng?: Rng): string {
  const id = rng ? `${Math.floor(rng() * 1e8).toString(16)}-${Math.floor(rng() * 1e8).toString(16)}` : "m";
  const p = Object.entries(params)
    .map(([k, v]) => `<ac:parameter ac:name="${k}">${esc(v)}</ac:parameter>`)
    .join("");
  return `<ac:structured-macro ac:name="${name}" ac:schema-version="1" ac:macro-id="${id}">${p}${inner}</ac:structured-macro>`;
}

export function renderContentBody(store: Store, c: Content, version: number): string {
  const explicit = c.bodies?.get(version);
  if (explicit !== undefined) return explicit;
  if (c.type === "folder") return "";
  const rng = mulberry32(hashSeed(store.seed, c.id, version));
  const l = langOf(c.lang);
  const parts: string[] = [];
  const section = (h: string) => parts.push(`<h2>${esc(h)}</h2>`);
  if (chance(rng, 0.5)) parts.push(macro("toc", "", { maxLevel: "3" }, rng));
  parts.push(macro("excerpt", `<ac:rich-text-body>${para(rng, c.lang)}</ac:rich-text-body>`, { hidden: "false" }, rng));
  parts.push(`<p><ac:structured-macro ac:name="anchor" ac:schema-version="1"><ac:parameter ac:name="">top</ac:parameter></ac:structured-macro></p>`);
  section(l.headings[0]);
  parts.push(para(rng, c.lang));
  parts.push(
    `<p>${esc(pick(rng, l.sentences))} ${pageLink(store, rng, c)} ${mention(store, rng)} <ac:emoticon ac:name="${pick(rng, ["smile", "thumbs-up", "warning", "tick", "information"])}" /></p>`,
  );
  const panel = pick(rng, ["info", "note", "tip", "warning"]);
  parts.push(macro(panel, `<ac:rich-text-body>${para(rng, c.lang)}</ac:rich-text-body>`, { title: pick(rng, l.headings) }, rng));
  section(l.headings[1]);
  const [language, code] = pick(rng, CODE_SAMPLES);
  parts.push(macro("code", `<ac:plain-text-body><![CDATA[${code}]]></ac:plain-text-body>`, { language, linenumbers: "true" }, rng));
  parts.push(
    `<table><colgroup><col /><col /></colgroup><tbody><tr><th><p>${esc(pick(rng, l.headings))}</p></th><th><p>Status</p></th></tr>` +
      `<tr><td><p>${esc(pick(rng, l.topics))}</p></td><td><p>${macro("status", "", { colour: pick(rng, ["Green", "Yellow", "Red", "Blue"]), title: pick(rng, ["DONE", "IN PROGRESS", "BLOCKED"]) }, rng)}</p></td></tr>` +
      `<tr><td><p>${esc(pick(rng, l.topics))}</p></td><td><p>${int(rng, 1, 99)}%</p></td></tr></tbody></table>`,
  );
  parts.push(
    `<ac:task-list><ac:task><ac:task-id>${int(rng, 1, 999)}</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>${esc(pick(rng, l.sentences))} ${mention(store, rng)}</ac:task-body></ac:task>` +
      `<ac:task><ac:task-id>${int(rng, 1000, 1999)}</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>${esc(pick(rng, l.headings))}</ac:task-body></ac:task></ac:task-list>`,
  );
  parts.push(macro("expand", `<ac:rich-text-body>${para(rng, c.lang)}</ac:rich-text-body>`, { title: pick(rng, l.headings) }, rng));
  parts.push(
    `<p>${macro("jira", "", { server: "System JIRA", serverId: "a1b2c3d4-0000-0000-0000-000000000000", key: `${pick(rng, ["ENG", "OPS", "WEB"])}-${int(rng, 1, 4000)}` }, rng)}</p>`,
  );
  const atts = store.attachmentsByContainer.get(c.id) ?? [];
  const img = atts.find((a) => a.mediaType === "image/png");
  if (img) parts.push(`<p><ac:image ac:height="150"><ri:attachment ri:filename="${esc(img.fileName)}" /></ac:image></p>`);
  const doc = atts.find((a) => a.mediaType !== "image/png");
  if (doc) parts.push(`<p><ac:link><ri:attachment ri:filename="${esc(doc.fileName)}" /></ac:link></p>`);
  if (chance(rng, 0.4)) {
    parts.push(
      `<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell>${para(rng, c.lang)}</ac:layout-cell><ac:layout-cell>${para(rng, c.lang)}</ac:layout-cell></ac:layout-section></ac:layout>`,
    );
  }
  parts.push(`<p><ac:link ac:anchor="top"><ac:plain-text-link-body><![CDATA[Top]]></ac:plain-text-link-body></ac:link></p>`);
  if (version > 1) parts.push(`<p>Revision ${version}.</p>`);
  return parts.join("");
}

export function renderCommentBody(store: Store, c: Comment): string {
  if (c.body !== null) return c.body;
  const container = store.contents.get(c.containerId);
  const rng = mulberry32(hashSeed(store.seed, "comment", c.id, c.version));
  const lang = langOf(container?.lang ?? "en");
  return `<p>${esc(pick(rng, lang.sentences))}</p>`;
}
