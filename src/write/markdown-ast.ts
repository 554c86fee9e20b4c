// Parses Markdown (CommonMark + GFM tables) into an mdast tree with source positions kept,
// for the DOCX writer. The only module that imports the mdast/micromark parser packages;
// the simple Markdown our templates write takes markdown-fast.ts's verified fast path.
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { parseSimpleMarkdown } from "./markdown-fast.js";

/**
 * Markdown → mdast `Root`; every node carries `position` (1-based line and column). Documents
 * inside the simple subset get the same tree from the fast parser; micromark reads the rest.
 */
export function parseMarkdown(md: string): Root {
  return (
    parseSimpleMarkdown(md) ??
    fromMarkdown(md, {
      extensions: [gfmTable()],
      mdastExtensions: [gfmTableFromMarkdown()],
    })
  );
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
