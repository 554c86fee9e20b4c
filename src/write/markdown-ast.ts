// Parses Markdown (CommonMark + GFM tables) into an mdast tree with source positions kept,
// for the DOCX writer. The only module that imports the mdast/micromark parser packages.
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";

/** Markdown → mdast `Root`; every node carries `position` (1-based line and column). */
export function parseMarkdown(md: string): Root {
  return fromMarkdown(md, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
}
