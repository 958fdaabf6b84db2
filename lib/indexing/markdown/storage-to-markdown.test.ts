import { describe, expect, it } from "vitest";
import { CONVERTER_VERSION, storageToMarkdown, type ConvertContext } from "./index";

// Edge cases around the golden corpus (golden.test.ts): context handling and robustness.
const ctx: ConvertContext = { siteUrl: "https://acme.atlassian.net", spaceKey: "ENG", contentId: "1001" };
const convert = (storage: string, c: ConvertContext = ctx) => storageToMarkdown(storage, c);

describe("storageToMarkdown", () => {
  it("returns an empty string for an empty or blank body", () => {
    expect(convert("")).toBe("");
    expect(convert("  \n ")).toBe("");
    expect(convert("<p>&nbsp;</p><p />")).toBe("");
  });

  it("ends with exactly one newline", () => {
    expect(convert("<p>One.</p><p>Two.</p>")).toBe("One.\n\nTwo.\n");
  });

  it("accepts a site URL given with /wiki or a trailing slash", () => {
    const link = '<ac:link><ri:page ri:content-title="Home" /></ac:link>';
    const expected = "[Home](https://acme.atlassian.net/wiki/display/ENG/Home)\n";
    expect(convert(link, { ...ctx, siteUrl: "https://acme.atlassian.net/wiki/" })).toBe(expected);
    expect(convert(link, { ...ctx, siteUrl: "https://acme.atlassian.net/" })).toBe(expected);
  });

  it("points links and downloads under a Data Center base URL (its context path) instead of /wiki", () => {
    const dc = { ...ctx, siteUrl: "https://wiki.corp.example/confluence", wikiUrl: "https://wiki.corp.example/confluence/" };
    expect(convert('<ac:link><ri:page ri:content-title="Home" /></ac:link>', dc)).toBe("[Home](https://wiki.corp.example/confluence/display/ENG/Home)\n");
    const md = convert('<ac:link><ri:attachment ri:filename="b.pdf"><ri:content-entity ri:content-id="42" /></ri:attachment></ac:link>', dc);
    expect(md).toContain("https://wiki.corp.example/confluence/download/attachments/42/b.pdf");
  });

  it("asks pageLink about links, with the current space for links that name none", () => {
    const refs: unknown[] = [];
    const md = convert('<ac:link><ri:blog-post ri:content-title="News" ri:posting-day="2024/01/02" /></ac:link>', {
      ...ctx,
      pageLink: (ref) => {
        refs.push(ref);
        return { title: "News (synced)", url: "https://acme.atlassian.net/wiki/spaces/ENG/blog/2024/01/02/77" };
      },
    });
    expect(refs).toEqual([{ title: "News", spaceKey: "ENG", type: "blogpost", postingDay: "2024/01/02" }]);
    expect(md).toBe("[News (synced)](https://acme.atlassian.net/wiki/spaces/ENG/blog/2024/01/02/77)\n");
  });

  it("keeps link text without a URL when it cannot build one", () => {
    const noSpace = { siteUrl: "https://acme.atlassian.net" };
    expect(convert('<p><ac:link><ri:page ri:content-title="Home" /></ac:link></p>', noSpace)).toBe("Home\n");
    expect(convert('<p><ac:link><ri:attachment ri:filename="a.pdf" /></ac:link></p>', noSpace)).toBe("a.pdf\n");
    expect(convert('<ac:image><ri:attachment ri:filename="a.png" /></ac:image>', noSpace)).toBe("a.png\n");
  });

  it("downloads an attachment named by content id from that content", () => {
    const md = convert('<ac:link><ri:attachment ri:filename="b.pdf"><ri:content-entity ri:content-id="42" /></ri:attachment></ac:link>');
    expect(md).toBe("[b.pdf](https://acme.atlassian.net/wiki/download/attachments/42/b.pdf)\n");
  });

  it("mentions a user by account id when the name is unknown, and by name when known", () => {
    const mention = '<p><ac:link><ri:user ri:account-id="abc" /></ac:link></p>';
    expect(convert(mention)).toBe("@abc\n");
    expect(convert(mention, { ...ctx, userName: () => "Ana Gómez" })).toBe("@Ana Gómez\n");
  });

  it("survives malformed storage (unclosed and stray tags) without losing the text", () => {
    const md = convert("<p>Open <strong>bold<p>next</p></div><ul><li>item");
    expect(md).toContain("Open");
    expect(md).toContain("bold");
    expect(md).toContain("next");
    expect(md).toContain("item");
  });

  it("treats macro and element names that are JavaScript property names like any unknown one", () => {
    const md = convert(
      '<ac:structured-macro ac:name="constructor"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro><constructor>y</constructor><ac:emoticon ac:name="toString" />',
    );
    expect(md).toBe("[macro: constructor]\n\nx\n\ny:toString:\n");
  });

  it("marks a macro without a name and keeps its body", () => {
    expect(convert("<ac:structured-macro><ac:rich-text-body><p>kept</p></ac:rich-text-body></ac:structured-macro>")).toBe("[macro: unnamed]\n\nkept\n");
  });

  it("decodes HTML entities in text and attributes but never inside CDATA", () => {
    const md = convert(
      '<p title="a&nbsp;b">x&hellip;y</p><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[&hellip;]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(md).toBe("x…y\n\n```\n&hellip;\n```\n");
  });

  it("keeps list items tight, without gluing text to a paragraph that follows it", () => {
    expect(convert("<ul><li><p>one</p><ul><li>sub</li></ul></li><li>intro<p>para</p></li></ul>")).toBe("- one\n  - sub\n- intro\n\n  para\n");
  });

  it("keeps two lists in a row apart", () => {
    expect(convert("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>")).toBe("- a\n\n* b\n\n1. c\n\n1) d\n");
  });

  it("has a version to re-index by", () => {
    expect(Number.isInteger(CONVERTER_VERSION) && CONVERTER_VERSION >= 1).toBe(true);
  });
});
