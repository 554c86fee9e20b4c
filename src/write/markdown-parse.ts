// Parses any Markdown (CommonMark + GFM tables) into an mdast tree with source positions kept.
// The only module that imports the mdast/micromark parser packages (150 KB of code), so that a
// command reading only the simple Markdown our templates write never loads them: see
// readMarkdown in markdown-ast.ts.
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { parseSimpleMarkdown } from "./markdown-fast.js";

/**
 * Markdown → mdast `Root`; every node carries `position` (1-based line and column). Documents
 * inside the simple subset get the same tree from the fast parser; micromark reads the rest.
 */
export function parseMarkdown(md: string): Root {
  return parseSimpleMarkdown(md) ?? parseWithMicromark(md);
}

/** Markdown → mdast `Root` by micromark alone (for a caller whose fast parse has failed). */
export function parseWithMicromark(md: string): Root {
  return fromMarkdown(md, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
}
