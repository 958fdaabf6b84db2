import { franc } from "franc-min";

/**
 * The PostgreSQL text-search configuration for a document, from its detected language.
 * Languages without a stemmer in PostgreSQL (Japanese, Chinese, …) use `simple`, with CJK
 * runs split into words first (see `segmentForSearch`), since PostgreSQL's parser only
 * splits on spaces and punctuation.
 */
const CONFIG_BY_ISO639_3: Record<string, string> = {
  eng: "english",
  deu: "german",
  fra: "french",
  spa: "spanish",
  ita: "italian",
  por: "portuguese",
  nld: "dutch",
  swe: "swedish",
  dan: "danish",
  nob: "norwegian",
  fin: "finnish",
  rus: "russian",
  hun: "hungarian",
  ron: "romanian",
  tur: "turkish",
};

/** Every configuration a chunk can carry; a query is matched against each (OR), so mixed-language sites work. */
export const SEARCH_CONFIGS = [...new Set([...Object.values(CONFIG_BY_ISO639_3), "simple"])];

export function detectSearchConfig(text: string): string {
  const sample = text.slice(0, 4000);
  // Short texts are unreliable to classify; most Confluence sites are English-first.
  const code = franc(sample, { minLength: 20 });
  if (code === "und") return hasCjk(sample) ? "simple" : "english";
  return CONFIG_BY_ISO639_3[code] ?? "simple";
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u30fc]+/g;
const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

export const hasCjk = (text: string) => CJK.test(text);

/**
 * Puts spaces between the words of CJK runs (ICU's dictionary segmentation), for both the
 * indexed text and the query, so that a Japanese word is a token PostgreSQL can match.
 */
export function segmentForSearch(text: string): string {
  if (!hasCjk(text)) return text;
  return text.replace(CJK_RUN, (run) => {
    const words: string[] = [];
    for (const part of segmenter.segment(run)) if (part.isWordLike || part.segment.trim()) words.push(part.segment);
    return ` ${words.join(" ")} `;
  });
}
