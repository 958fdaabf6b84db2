import type { SnippetPart } from "@/lib/content/search";

/** A result snippet: matched words in <mark>, everything as text (never HTML). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="text-sm text-slate-700" data-testid="snippet">
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
