import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it("keeps the title and body text, drops scripts and styles", () => {
    const text = htmlToText(
      `<html><head><title>Release plan</title><style>p { color: red }</style><script>var secret = 1;</script></head>
       <body><h1>Goals</h1><p>Ship the <b>connector</b> &amp; its docs.</p><script>alert("x")</script></body></html>`,
    );
    expect(text).toBe("Release plan\n\nGoals\n\nShip the connector & its docs.");
    expect(text).not.toMatch(/secret|alert|color/);
  });

  it("puts list items and table rows on lines, cells tab-separated", () => {
    const text = htmlToText("<ul><li>one</li><li>two</li></ul><table><tr><th>Item</th><th>Qty</th></tr><tr><td> Apples </td><td>3</td></tr></table>");
    expect(text.split("\n").filter(Boolean)).toEqual(["one", "two", "Item\tQty", "Apples\t3"]);
  });

  it("keeps the line breaks of preformatted text", () => {
    expect(htmlToText("<pre>a  b\nc</pre>")).toBe("a  b\nc");
  });
});
