import { describe, expect, it } from "vitest";
import { renderDocument } from "./index";

const meta = { title: "Payments Runbook", type: "page", spaceKey: "ENG", version: 3, labels: ["runbook"], breadcrumb: ["Engineering"] };

describe("renderDocument", () => {
  it("puts the title as a level-1 heading above the body", () => {
    expect(renderDocument(meta, "Intro.\n\n## Deploying\n\nSteps.\n")).toBe("# Payments Runbook\n\nIntro.\n\n## Deploying\n\nSteps.\n");
  });

  it("keeps metadata out of the text (the caller stores it in columns)", () => {
    const text = renderDocument({ ...meta, author: "Jonas Kowalski", webUrl: "https://acme.atlassian.net/wiki/x" }, "Body.\n");
    expect(text).not.toMatch(/ENG|runbook|Jonas|https:/);
  });

  it("gives a document with an empty body just its title", () => {
    expect(renderDocument(meta, "")).toBe("# Payments Runbook\n");
    expect(renderDocument(meta, "\n\n  \n")).toBe("# Payments Runbook\n");
  });

  it("ends with exactly one newline and drops blank lines before the body", () => {
    expect(renderDocument(meta, "\n\nBody.\n\n\n")).toBe("# Payments Runbook\n\nBody.\n");
  });

  it("writes a title on one line, and names an untitled document", () => {
    expect(renderDocument({ ...meta, title: "  Release\n notes  " }, "x")).toBe("# Release notes\n\nx\n");
    expect(renderDocument({ ...meta, title: "   " }, "x")).toBe("# Untitled\n\nx\n");
  });

  it("keeps indentation of the body's first line (an indented code line stays code)", () => {
    expect(renderDocument(meta, "    indented\n")).toBe("# Payments Runbook\n\n    indented\n");
  });
});
