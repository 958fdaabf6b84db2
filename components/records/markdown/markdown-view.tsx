import { Fragment } from "react";
import { parseBlocks, type Block } from "./parse-blocks";
import { parseInline, type Inline } from "./parse-inline";

/**
 * A record's Markdown rendered as React elements: text is always text (no HTML is injected),
 * and links and images only keep web, mail or relative addresses. Headings move down
 * `headingOffset` levels so the document sits under the page's own heading. `keepLines`
 * shows single line breaks as written (text extracted from files, where lines matter).
 */
export function MarkdownView({ source, headingOffset = 0, keepLines = false }: { source: string; headingOffset?: number; keepLines?: boolean }) {
  return (
    <div className={`space-y-3 text-sm leading-6 text-slate-800 ${keepLines ? "[&_p]:whitespace-pre-line" : ""}`}>
      {renderBlocks(parseBlocks(source), headingOffset)}
    </div>
  );
}

const HEADING_CLASSES = ["text-xl font-semibold", "text-lg font-semibold", "text-base font-semibold", "font-semibold", "font-medium", "font-medium"];

function renderBlocks(blocks: Block[], offset: number) {
  return blocks.map((block, i) => <Fragment key={i}>{renderBlock(block, offset)}</Fragment>);
}

function renderBlock(block: Block, offset: number): React.ReactNode {
  switch (block.kind) {
    case "heading": {
      const level = Math.min(6, block.level + offset);
      const Tag = `h${level}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
      return <Tag className={`mt-4 ${HEADING_CLASSES[level - 1]}`}>{renderInline(parseInline(block.text))}</Tag>;
    }
    case "paragraph":
      return <p>{renderInline(parseInline(block.text))}</p>;
    case "code":
      return (
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-language={block.lang || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case "quote":
      return (
        <blockquote className="space-y-2 border-l-4 border-slate-300 bg-slate-50 py-1 pl-3 text-slate-700">{renderBlocks(block.children, offset)}</blockquote>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i} className={item.checked === null ? "" : "list-none"}>
          {item.checked === null ? null : (
            <input type="checkbox" checked={item.checked} readOnly disabled aria-label={item.checked ? "Done" : "Not done"} className="mr-2 align-middle" />
          )}
          {renderItem(item.children, offset)}
        </li>
      ));
      return block.ordered ? (
        <ol start={block.start} className="list-decimal space-y-1 pl-6">
          {items}
        </ol>
      ) : (
        <ul className="list-disc space-y-1 pl-6">{items}</ul>
      );
    }
    case "table":
      return (
        <div className="overflow-x-auto">
          <table className="min-w-full border border-slate-200 text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} scope="col" className="border border-slate-200 px-2 py-1 font-semibold" style={{ textAlign: block.align[c] ?? undefined }}>
                    {renderInline(parseInline(cell))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} className="border border-slate-200 px-2 py-1 align-top" style={{ textAlign: block.align[c] ?? undefined }}>
                      {renderInline(parseInline(cell.replace(/<br\s*\/?>/gi, "\\\n")))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "rule":
      return <hr className="border-slate-200" />;
  }
}

/** A tight list item (one paragraph) shows its text without a paragraph around it. */
function renderItem(children: Block[], offset: number) {
  const [first, ...rest] = children;
  if (first?.kind !== "paragraph") return renderBlocks(children, offset);
  return (
    <>
      <span>{renderInline(parseInline(first.text))}</span>
      {rest.length ? <div className="mt-1 space-y-2">{renderBlocks(rest, offset)}</div> : null}
    </>
  );
}

function renderInline(nodes: Inline[]): React.ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "code":
        return (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">
            {node.text}
          </code>
        );
      case "strong":
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={i}>{renderInline(node.children)}</em>;
      case "del":
        return <del key={i}>{renderInline(node.children)}</del>;
      case "break":
        return <br key={i} />;
      case "link":
        return node.href === null ? (
          <span key={i}>{renderInline(node.children)}</span>
        ) : (
          <a
            key={i}
            href={node.href}
            title={node.title ?? undefined}
            className="text-blue-700 underline"
            rel="noopener noreferrer"
            target={/^https?:/i.test(node.href) ? "_blank" : undefined}
          >
            {renderInline(node.children)}
          </a>
        );
      case "image":
        return node.src === null ? (
          <span key={i}>[{node.alt}]</span>
        ) : (
          // A plain <img>, not next/image: images live on the Confluence site, not ours.
          <img
            key={i}
            src={node.src}
            alt={node.alt}
            title={node.title ?? undefined}
            loading="lazy"
            referrerPolicy="no-referrer"
            className="inline max-h-96 max-w-full"
          />
        );
    }
  });
}
