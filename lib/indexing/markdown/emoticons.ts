import { attr } from "./parse-storage";
import { appendText, type ElementHandler } from "./walker";

/**
 * The classic Confluence emoticons. Stars keep one emoji whatever their colour, and the
 * light bulbs differ by brightness: Unicode has no coloured star or unlit bulb.
 */
const EMOTICONS: Record<string, string> = {
  smile: "🙂",
  sad: "🙁",
  cheeky: "😛",
  laugh: "😃",
  wink: "😉",
  "thumbs-up": "👍",
  "thumbs-down": "👎",
  information: "ℹ️",
  tick: "✅",
  cross: "❌",
  warning: "⚠️",
  plus: "➕",
  minus: "➖",
  question: "❓",
  "light-on": "💡",
  "light-off": "🔅",
  "yellow-star": "⭐",
  "red-star": "⭐",
  "green-star": "⭐",
  "blue-star": "⭐",
  heart: "❤️",
  "broken-heart": "💔",
};

/** "1f44d" or "1f1e9-1f1ea" → the emoji; undefined for Atlassian's own ids ("atlassian-…"). */
function fromEmojiId(id: string | undefined): string | undefined {
  if (!id || !/^[0-9a-f]{2,6}(-[0-9a-f]{2,6})*$/i.test(id)) return undefined;
  try {
    return String.fromCodePoint(...id.split("-").map((h) => parseInt(h, 16)));
  } catch {
    return undefined;
  }
}

/**
 * Cloud writes the real emoji in ac:emoji-fallback / ac:emoji-id and keeps a legacy
 * ac:name, often "blue-star" as a placeholder for any emoji, so those win over the name.
 * Atlassian's own emoji (id "atlassian-check_mark"…) are the classic emoticons, so their
 * name applies; a custom emoji is kept as its ":short-name:".
 */
export function emoticonText(e: { name?: string; fallback?: string; id?: string; shortName?: string }): string {
  if (e.fallback && !/^:.*:$/.test(e.fallback)) return e.fallback;
  const fromId = fromEmojiId(e.id);
  if (fromId) return fromId;
  const classic = e.name && Object.hasOwn(EMOTICONS, e.name) ? EMOTICONS[e.name] : undefined;
  if (classic && (!e.shortName || e.id?.startsWith("atlassian-"))) return classic;
  return e.shortName ?? e.fallback ?? classic ?? (e.name ? `:${e.name}:` : "");
}

export const emoticon: ElementHandler = (node, dst) => {
  const text = emoticonText({
    name: attr(node, "ac:name"),
    fallback: attr(node, "ac:emoji-fallback"),
    id: attr(node, "ac:emoji-id"),
    shortName: attr(node, "ac:emoji-shortname"),
  });
  appendText(dst, text);
};
