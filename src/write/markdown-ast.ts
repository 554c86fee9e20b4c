// Reads Markdown into an mdast tree for the DOCX writer, and the helpers that read text back
// out of a tree. The simple Markdown our templates write takes markdown-fast.ts's verified fast
// path; anything else loads the full parser (markdown-parse.ts) on first use.
import type { Nodes, Root } from "mdast";
import { parseSimpleMarkdown } from "./markdown-fast.js";

/**
 * Markdown → mdast `Root`, the same tree as markdown-parse.ts's `parseMarkdown`; micromark is
 * loaded only for a document outside the simple subset.
 */
export async function readMarkdown(md: string): Promise<Root> {
  return parseSimpleMarkdown(md) ?? (await import("./markdown-parse.js")).parseWithMicromark(md);
}

/** Plain text of an mdast node (text, code and image alt text of its descendants). */
export function nodeText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return node.children.map((c) => nodeText(c)).join("");
  return "";
}

/** The text of the first heading of a parsed Markdown document (its title), if it has one. */
export function headingTitle(root: Root): string | undefined {
  const heading = root.children.find((n) => n.type === "heading");
  const text = heading ? nodeText(heading).replace(/\s+/g, " ").trim() : "";
  return text === "" ? undefined : text;
}
