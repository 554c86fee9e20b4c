// The only place the yaml library is used by the core: parses a YAML file keeping the
// position of every node, reports syntax errors, duplicate keys and tabs with line/column,
// and converts to plain values with bounded alias expansion and depth and no prototype keys.
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Node as YamlNode,
  type Pair,
  type YAMLError,
} from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import type { Position, SourceDoc } from "./types.js";
import { scalarOffsets, type ScalarStyle } from "./source.js";

export interface ParseYamlOptions {
  /** Alias dereferences allowed, counting aliases met while expanding an alias (default 100). */
  maxAliasCount?: number;
  /** Deepest nesting of mappings and lists allowed (default 64). */
  maxDepth?: number;
}

export interface ParsedYaml {
  /** The document as plain values (mappings are null-prototype objects); undefined on syntax errors. */
  value: unknown;
  source: SourceDoc;
  diagnostics: Diagnostic[];
}

const DEFAULT_MAX_ALIAS = 100;
const DEFAULT_MAX_DEPTH = 64;
/** Values made by expanding aliases, in total: a second guard against "billion laughs". */
const MAX_ALIAS_NODES = 100_000;

type Path = readonly (string | number)[];

/** Offset of the first `[` or `{` nested deeper than `limit` (quoted text skipped), if any. */
function flowDepthOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (c === "[" || c === "{") {
      if (++depth > limit) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Parses YAML text. Problems are diagnostics; this never throws for bad input. */
export function parseYaml(text: string, file: string, opts: ParseYamlOptions = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const pos = (offset: number): Position => {
    const lp = lineCounter.linePos(offset);
    return { line: lp.line, column: lp.col };
  };
  const diagnostics: Diagnostic[] = [];
  let fatal = false;
  const report = (e: YAMLError, severity: "error" | "warning") => {
    const code =
      e.code === "DUPLICATE_KEY"
        ? "yaml.duplicate_key"
        : e.code === "TAB_AS_INDENT"
          ? "yaml.tab"
          : e.code === "RESOURCE_EXHAUSTION"
            ? "yaml.too_deep"
            : "yaml.syntax";
    if (severity === "error" && code !== "yaml.duplicate_key") fatal = true;
    // An unclosed quote is found at the end of the file: point at the opening quote instead.
    const opened =
      e.code === "MISSING_CHAR" && /quote/.test(e.message)
        ? quoteStart(doc.contents, e.pos[0])
        : undefined;
    const at = pos(opened ?? e.pos[0]);
    const message =
      code === "yaml.duplicate_key"
        ? `duplicate key ${describeKeyAt(text, e.pos[0])}`
        : code === "yaml.tab"
          ? "tab character used for indentation"
          : code === "yaml.too_deep"
            ? "the YAML is nested too deeply to read"
            : opened !== undefined
              ? `${lowerFirst(e.message)}: the quoted text starting here is never closed`
              : lowerFirst(e.message);
    // The parser gives up on deep nesting once per level, where its stack runs out (which
    // varies): report it once, where flow nesting first passes the depth limit.
    if (code === "yaml.too_deep") {
      if (diagnostics.some((d) => d.code === code)) return;
      const deep = flowDepthOffset(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH);
      diagnostics.push(
        diagnostic({ code, severity, message, file, ...(deep === undefined ? at : pos(deep)) }),
      );
      return;
    }
    diagnostics.push(diagnostic({ code, severity, message, file, ...at }));
  };
  for (const e of doc.errors) report(e, "error");
  for (const w of doc.warnings) report(w, "warning");

  const aliasTargets = new Map<Alias, YamlNode>();
  const source = makeSource(text, file, doc.contents as YamlNode | null, aliasTargets, pos);
  if (fatal) return { value: undefined, source, diagnostics };

  const conv = new Converter(
    file,
    pos,
    aliasTargets,
    opts.maxAliasCount ?? DEFAULT_MAX_ALIAS,
    opts.maxDepth ?? DEFAULT_MAX_DEPTH,
  );
  let value: unknown;
  try {
    value = conv.convert(doc.contents as YamlNode | null, 0);
  } catch (e) {
    if (!(e instanceof StopConversion)) throw e;
    diagnostics.push(e.diagnostic);
    value = undefined;
  }
  return { value, source, diagnostics };
}

/** True when a data path segment cannot be an own property of a plain object without risk. */
export function isUnsafeKey(key: string): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

class StopConversion extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Converts yaml nodes to plain values: null-prototype objects, arrays, strings, numbers, booleans. */
class Converter {
  private readonly anchors = new Map<string, YamlNode>();
  private readonly expanding = new Set<YamlNode>();
  private aliasCount = 0;
  private aliasNodes = 0;
  private aliasDepth = 0;

  constructor(
    private readonly file: string,
    private readonly pos: (offset: number) => Position,
    private readonly aliasTargets: Map<Alias, YamlNode>,
    private readonly maxAliasCount: number,
    private readonly maxDepth: number,
  ) {}

  private stop(code: Diagnostic["code"], node: YamlNode, message: string): never {
    const at = node.range ? this.pos(node.range[0]) : { line: 1, column: 1 };
    throw new StopConversion(diagnostic({ code, message, file: this.file, ...at }));
  }

  convert(node: YamlNode | null, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES)
      this.stop("yaml.alias_limit", this.site ?? node, "aliases expand to too many values");
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && this.aliasDepth === 0) this.anchors.set(anchor, node);
    if (isAlias(node)) return this.alias(node, depth);
    if (isScalar(node)) return node.value ?? null;
    if (depth >= this.maxDepth)
      this.stop("yaml.too_deep", node, `nesting is deeper than ${this.maxDepth} levels`);
    if (isSeq(node))
      return node.items.map((item) => this.convert(item as YamlNode | null, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) {
        const key = this.key(pair.key, node);
        const value = this.convert(pair.value, depth + 1);
        // Own, enumerable property even for "__proto__": never the prototype setter.
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  }

  private key(key: YamlNode | null, map: YamlNode): string {
    if (key === null || key === undefined) return "";
    const k = isAlias(key) ? (this.aliasTargets.get(key) ?? key) : key;
    if (isScalar(k)) return String(k.value ?? "");
    return this.stop("yaml.syntax", key ?? map, "a key must be plain text, not a list or mapping");
  }

  /** The alias written in the document whose expansion is under way (where limits are reported). */
  private site: Alias | undefined;

  private alias(node: Alias, depth: number): unknown {
    const target = this.aliasTargets.get(node) ?? this.anchors.get(node.source);
    if (!target)
      this.stop(
        "yaml.syntax",
        node,
        `alias *${node.source} has no anchor &${node.source} before it`,
      );
    if (this.expanding.has(target))
      this.stop("yaml.syntax", node, `alias *${node.source} refers to the value that contains it`);
    const outer = this.aliasDepth === 0;
    if (outer) this.site = node;
    if (++this.aliasCount > this.maxAliasCount)
      this.stop(
        "yaml.alias_limit",
        this.site ?? node,
        `aliases are expanded more than ${this.maxAliasCount} times (counting aliases inside aliases)`,
      );
    this.aliasTargets.set(node, target);
    this.expanding.add(target);
    this.aliasDepth++;
    try {
      return this.convert(target, depth);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
      if (outer) this.site = undefined;
    }
  }
}

function makeSource(
  text: string,
  file: string,
  root: YamlNode | null,
  aliasTargets: Map<Alias, YamlNode>,
  pos: (offset: number) => Position,
): SourceDoc {
  const start = (n: YamlNode | null | undefined): Position | undefined =>
    n?.range ? pos(n.range[0]) : undefined;
  const deref = (n: YamlNode | null): YamlNode | null =>
    n && isAlias(n) ? (aliasTargets.get(n) ?? findAnchor(root, n.source) ?? n) : n;

  /** Walks the path; returns the deepest node reached and the pair holding the last segment. */
  const walk = (path: Path) => {
    let node = deref(root);
    let pair: Pair<YamlNode | null, YamlNode | null> | undefined;
    let depth = 0;
    for (const seg of path) {
      pair = undefined;
      if (isMap(node)) {
        const items = node.items as Pair<YamlNode | null, YamlNode | null>[];
        for (let k = items.length - 1; k >= 0; k--) {
          const key = deref(items[k]!.key);
          if (isScalar(key) && String(key.value ?? "") === String(seg)) {
            pair = items[k];
            break;
          }
        }
        if (!pair) break;
        depth++;
        if (isEmpty(pair.value)) break;
        node = deref(pair.value);
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
        node = deref(node.items[seg] as YamlNode | null);
        depth++;
      } else break;
    }
    return { node, pair, complete: depth === path.length };
  };

  const rootPos: Position = { line: 1, column: 1 };
  return {
    file,
    locate(path) {
      const { node, pair, complete } = walk(path);
      if (complete && pair && isEmpty(pair.value)) return start(pair.key) ?? rootPos;
      return start(node) ?? rootPos;
    },
    locateKey(path) {
      if (path.length === 0) return this.locate(path);
      const { pair, complete } = walk(path);
      if (complete && pair) return start(pair.key) ?? this.locate(path);
      return this.locate(path);
    },
    locateInString(path, index) {
      const { node, complete } = walk(path);
      if (!complete || !isScalar(node) || typeof node.value !== "string" || !node.range)
        return undefined;
      const value = node.value;
      if (index < 0 || index > value.length) return undefined;
      const offsets = scalarOffsets(
        text,
        node.range[0],
        node.range[1],
        node.type as ScalarStyle,
        value,
      );
      if (!offsets) return pos(node.range[0]);
      if (index === value.length)
        return pos(offsets.length ? offsets[offsets.length - 1]! + 1 : node.range[0]);
      return pos(offsets[index]!);
    },
  };
}

/** A value left empty (`key:` with nothing after it): positions point at the key instead. */
function isEmpty(n: YamlNode | null): boolean {
  return n === null || (isScalar(n) && n.value === null && !!n.range && n.range[0] === n.range[1]);
}

/** Start of the quoted scalar that runs up to `offset` (an unclosed quote), if any. */
function quoteStart(root: unknown, offset: number): number | undefined {
  let best: number | undefined;
  const visit = (n: unknown) => {
    if (!n || typeof n !== "object") return;
    if (isScalar(n)) {
      const r = n.range;
      const quoted = n.type === "QUOTE_DOUBLE" || n.type === "QUOTE_SINGLE";
      if (quoted && r && r[0] < offset && r[1] >= offset && (best === undefined || r[0] > best))
        best = r[0];
    } else if (isMap(n)) {
      for (const p of n.items as Pair<unknown, unknown>[]) {
        visit(p.key);
        visit(p.value);
      }
    } else if (isSeq(n)) for (const item of n.items) visit(item);
  };
  visit(root);
  return best;
}

function findAnchor(root: YamlNode | null, name: string): YamlNode | undefined {
  let found: YamlNode | undefined;
  const visit = (n: YamlNode | null | undefined) => {
    if (!n || found) return;
    if ((n as { anchor?: string }).anchor === name) found = n;
    if (isMap(n)) {
      for (const p of n.items as Pair<YamlNode | null, YamlNode | null>[]) {
        visit(p.key);
        visit(p.value);
      }
    } else if (isSeq(n)) for (const item of n.items) visit(item as YamlNode | null);
  };
  visit(root);
  return found;
}

/** The key text at a duplicate-key error, for the message. */
function describeKeyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n#]*)/.exec(text.slice(offset, offset + 200));
  const key = m?.[1]?.trim();
  return key ? `\`${key.replace(/^["']|["']$/g, "")}\`` : "in mapping";
}

function lowerFirst(s: string): string {
  const line = s.split("\n")[0] ?? s;
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * Decodes the bytes of a YAML file: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Invalid UTF-8 gives a `data.invalid_utf8` diagnostic and undefined text.
 */
export function decodeYamlBytes(
  bytes: Uint8Array,
  file: string,
): { text?: string; diagnostics: Diagnostic[] } {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  else if (bytes.includes(0)) {
    const message = "file contains binary data (NUL bytes), not YAML text";
    return {
      diagnostics: [diagnostic({ code: "file.binary", message, file, line: 1, column: 1 })],
    };
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    return {
      diagnostics: [
        diagnostic({
          code: "data.invalid_utf8",
          message: "the file is not valid UTF-8 text",
          file,
          line: 1,
          column: 1,
          hint: "Save the YAML file as UTF-8.",
        }),
      ],
    };
  }
}

export interface ReadYamlResult extends Partial<ParsedYaml> {
  diagnostics: Diagnostic[];
  /** Set when the file could not be read at all. */
  failed?: "not_found" | "unreadable" | "too_large";
}

/**
 * Reads and parses a YAML file through `io`. Read failures become diagnostics placed at `at`
 * (the position of the YAML value that named the file), never exceptions.
 */
export async function readYamlFile(
  abs: string,
  display: string,
  io: ReadIo,
  opts: ParseYamlOptions & { maxBytes?: number; at?: Partial<Diagnostic> } = {},
): Promise<ReadYamlResult> {
  const at = opts.at ?? {};
  const size = await io.fileSize(abs);
  if (opts.maxBytes !== undefined && size !== undefined && size > opts.maxBytes) {
    const mb = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MB`;
    return {
      failed: "too_large",
      diagnostics: [
        diagnostic({
          ...at,
          code: "file.too_large",
          message: `${display} is ${mb(size)}, over the limit of ${mb(opts.maxBytes)}`,
          hint: "Raise limits.max_file_mb in the configuration if the file is meant to be this big.",
        }),
      ],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(abs);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const notFound = code === "ENOENT" || code === "ENOTDIR";
    return {
      failed: notFound ? "not_found" : "unreadable",
      diagnostics: [
        diagnostic({
          ...at,
          code: notFound ? "file.not_found" : "file.unreadable",
          message: notFound
            ? `${display} does not exist`
            : `${display} cannot be read (${code === "EISDIR" ? "it is a folder" : (code ?? "error")})`,
        }),
      ],
    };
  }
  const decoded = decodeYamlBytes(bytes, display);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  return parseYaml(decoded.text, display, opts);
}
