// The `analyse --format json` output (DESIGN §8), byte for byte what
// JSON.stringify({ measures }, null, 2) prints, written one measure and a few hundred points at a
// time: no string of the whole output is built, and the points (nearly all of it) are printed by
// a serializer for flat objects that reuses the text of values repeated from the point before.
import type { MeasureAnalysis } from "../../analysis/types.js";

/** Points per piece handed to `write`: about 60 kB, young-generation garbage (less GC). */
const POINTS_PER_WRITE = 250;

/** Stands for the points while the rest of a measure is printed by JSON.stringify. */
const MARKER = "\u0000points\u0000";
const MARKER_JSON = JSON.stringify(MARKER);

/** Writes `{ "measures": [` … `] }` around the measures written with `measure`. */
export class AnalysisJsonWriter {
  private count = 0;

  constructor(private readonly write: (text: string) => void) {
    write('{\n  "measures": [');
  }

  /** Writes one measure, as it appears inside the measures array. */
  measure(analysis: MeasureAnalysis): void {
    const sep = this.count++ > 0 ? "," : "";
    const shell = JSON.stringify({ measures: [{ ...analysis, points: MARKER }] }, null, 2);
    const text = shell.slice(shell.indexOf("[") + 1, shell.lastIndexOf("]") - 3);
    const at = text.indexOf(MARKER_JSON);
    if (at < 0 || text.lastIndexOf(MARKER_JSON) !== at || !Array.isArray(analysis.points)) {
      // The marker also appears in a value (or points is not a list): print it all as it is.
      const whole = JSON.stringify({ measures: [analysis] }, null, 2);
      this.write(sep + whole.slice(whole.indexOf("[") + 1, whole.lastIndexOf("]") - 3));
      return;
    }
    this.write(sep + text.slice(0, at));
    writeObjects(analysis.points as unknown as readonly unknown[], 3, this.write);
    this.write(text.slice(at + MARKER_JSON.length));
  }

  end(): void {
    this.write(this.count > 0 ? "\n  ]\n}\n" : "]\n}\n");
  }
}

const indentOf = (depth: number): string => "  ".repeat(depth);

/**
 * Writes an array of objects as JSON.stringify(…, null, 2) prints it as the value of a key at
 * `depth` (the array's closing bracket is indented `depth` levels).
 */
export function writeObjects(
  items: readonly unknown[],
  depth: number,
  write: (text: string) => void,
): void {
  if (items.length === 0) {
    write("[]");
    return;
  }
  const flat = new FlatJson(depth + 1);
  // Pieces joined once per write: a flat string, never a deep rope of concatenations.
  const parts: string[] = ["["];
  for (let i = 0; i < items.length; i++) {
    parts.push(i > 0 ? flat.nextItem : flat.firstItem);
    flat.value(items[i], parts);
    if ((i + 1) % POINTS_PER_WRITE === 0) {
      write(parts.join(""));
      parts.length = 0;
    }
  }
  parts.push(`\n${indentOf(depth)}]`);
  write(parts.join(""));
}

/** One key with the text of its value, kept while the next object repeats the value. */
interface Slot {
  key: string;
  /** `,` (after the first key), the new line, the indent and the quoted key. */
  head: string;
  last: unknown;
  /** head and the value's text. */
  text: string;
}

/**
 * JSON.stringify(…, null, 2) of values at one depth, fast for a run of objects of primitives
 * with the same keys: the text of the keys after the last one whose value changed since the
 * object before is kept as one string (for points: segment, limits, rule and point type).
 */
class FlatJson {
  private readonly slots: Slot[] = [];
  /** Keys of the last object. */
  private count = 0;
  /** Text of slots[suffixFrom…count) and the closing brace; "" when not made yet. */
  private suffix = "";
  private suffixFrom = 0;
  private readonly keyIndent: string;
  private readonly closing: string;
  readonly firstItem: string;
  readonly nextItem: string;

  constructor(private readonly depth: number) {
    this.keyIndent = `\n${indentOf(depth + 1)}`;
    this.closing = `\n${indentOf(depth)}}`;
    this.firstItem = `\n${indentOf(depth)}{`;
    this.nextItem = `,${this.firstItem}`;
  }

  /** Appends the text of `v` to `parts`, where the last part is firstItem or nextItem. */
  value(v: unknown, parts: string[]): void {
    if (typeof v !== "object" || v === null || Array.isArray(v) || !isPlain(v)) {
      this.replaceItem(parts, nested(v, this.depth));
      return;
    }
    const o = v as Record<string, unknown>;
    let j = 0;
    let changed = -1;
    for (const key in o) {
      const x = o[key];
      let slot = this.slots[j];
      if (slot === undefined || slot.key !== key) {
        const head = `${j > 0 ? "," : ""}${this.keyIndent}${JSON.stringify(key)}: `;
        slot = { key, head, last: slotEmpty, text: "" };
        this.slots[j] = slot;
      }
      if (x !== slot.last) {
        const text = primitive(x);
        if (text === undefined) {
          if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
          this.replaceItem(parts, nested(v, this.depth));
          this.suffix = "";
          return;
        }
        slot.last = x;
        slot.text = slot.head + text;
        changed = j;
      }
      j++;
    }
    if (j === 0) {
      parts.push("}");
      return;
    }
    if (j !== this.count) {
      this.count = j;
      this.suffix = "";
    }
    const from = changed + 1;
    if (this.suffix === "" || this.suffixFrom !== from) {
      const tail: string[] = [];
      for (let k = from; k < j; k++) tail.push(this.slots[k]!.text);
      tail.push(this.closing);
      this.suffix = tail.join("");
      this.suffixFrom = from;
    }
    for (let k = 0; k < from; k++) parts.push(this.slots[k]!.text);
    parts.push(this.suffix);
  }

  /** Puts `text` in place of the item's opening brace (a value printed without the slots). */
  private replaceItem(parts: string[], text: string): void {
    const last = parts.length - 1;
    parts[last] = parts[last]!.slice(0, -1) + text;
  }
}

/** A value no primitive equals (`!==` is true for NaN too, so it is never reused). */
const slotEmpty: unknown = Symbol("empty");

function isPlain(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null) && !("toJSON" in o);
}

/** Any value as JSON.stringify(…, null, 2) prints it at `depth`. */
function nested(v: unknown, depth: number): string {
  const text = JSON.stringify(v, null, 2) ?? "null";
  return depth === 0 ? text : text.replaceAll("\n", `\n${indentOf(depth)}`);
}

/** A primitive's JSON text; undefined for anything else. */
function primitive(x: unknown): string | undefined {
  switch (typeof x) {
    case "number":
      return Number.isFinite(x) ? String(x) : "null";
    case "string":
      return plainString(x) ? `"${x}"` : JSON.stringify(x);
    case "boolean":
      return x ? "true" : "false";
    case "object":
      return x === null ? "null" : undefined;
    default:
      return undefined;
  }
}

/** True when JSON.stringify(s) is s in quotes: no quote, backslash, control or surrogate. */
function plainString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}
