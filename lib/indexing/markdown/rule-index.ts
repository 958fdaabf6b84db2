import type TurndownService from "turndown";
import type { LiteElement } from "./lite-dom";

/** A rule of ours that says which node names its filter can match. */
export type NamedRule = TurndownService.Rule & { names: ReadonlySet<string> };

/** Distinct node names remembered; storage may carry any number of unknown element names. */
const MAX_NAMES = 256;

function couldMatch(rule: TurndownService.Rule | NamedRule, name: string, lowerName: string): boolean {
  if ("names" in rule) return rule.names.has(name);
  if (typeof rule.filter === "string") return rule.filter === lowerName;
  if (Array.isArray(rule.filter)) return (rule.filter as string[]).includes(lowerName);
  return true; // a function filter of turndown's own: could match anything
}

/**
 * Turndown finds an element's rule by trying every filter in order (ours, then its own
 * CommonMark rules), lower-casing the node name for each tag-name filter: hundreds of calls
 * for a small page. A tag-name filter, or one of ours (which list their names), can only
 * match those names, so per node name this keeps the rules that could match, in the same
 * order. The first match is the same rule; blank nodes, and nodes no candidate matches, go
 * to turndown's own lookup as before (blank, keep, remove and default rules).
 */
export function indexRules(service: TurndownService): void {
  const rules = service.rules;
  const lookup = rules.forNode.bind(rules);
  const byName = new Map<string, TurndownService.Rule[]>();
  rules.forNode = (node) => {
    const el = node as unknown as LiteElement;
    if (el.isBlank) return lookup(node);
    let candidates = byName.get(el.nodeName);
    if (!candidates) {
      const lowerName = el.nodeName.toLowerCase();
      candidates = rules.array.filter((r) => couldMatch(r, el.nodeName, lowerName));
      if (byName.size < MAX_NAMES) byName.set(el.nodeName, candidates);
    }
    for (const rule of candidates) {
      // Tag-name filters matched already by being candidates; function filters still decide.
      if (typeof rule.filter !== "function" || rule.filter.call(rule, node, rules.options)) return rule;
    }
    return lookup(node);
  };
}
