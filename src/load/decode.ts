// Text encoding of data files (DESIGN §3.3): a BOM selects UTF-8 / UTF-16LE / UTF-16BE; else
// strict UTF-8; else Windows-1252 (Excel's "CSV") with a `data.encoding` warning. NUL bytes in
// a file that is not UTF-16 mean binary data (`file.binary`). The only importer of iconv-lite.
// Valid UTF-8 is passed on as bytes, undecoded, so the CSV parser reads it at full speed.
import { Buffer, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** One decoded piece: text, or bytes already checked to be valid UTF-8. */
export type Decoded = string | Uint8Array;

/** What the decoder found wrong: `restart` means "read the file again as Windows-1252". */
export type DecodeStop = { stop: "binary" } | { stop: "restart" };

export interface StreamDecoder {
  encoding(): Encoding | undefined;
  /** Decodes the next chunk. */
  push(chunk: Uint8Array): Decoded | DecodeStop;
  /** Flushes what is left at the end of the file. */
  end(): Decoded | DecodeStop;
}

/** The encoding a file's first bytes declare (BOM), or look like (UTF-16 without BOM). */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  // UTF-16 without a BOM: ASCII text with every other byte NUL.
  if (head.length >= 4) {
    if (head[1] === 0 && head[3] === 0 && head[0] !== 0 && head[2] !== 0) {
      return { encoding: "utf-16le", bom: 0 };
    }
    if (head[0] === 0 && head[2] === 0 && head[1] !== 0 && head[3] !== 0) {
      return { encoding: "utf-16be", bom: 0 };
    }
  }
  return undefined;
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Length of the prefix of `b` that ends on a whole UTF-8 character. */
function wholeUtf8Prefix(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}

/**
 * A decoder for a file read in chunks. `forced` skips detection (used to re-read a file as
 * Windows-1252 when invalid UTF-8 turned up after the first chunk). Diagnostics about the
 * encoding are appended to `diagnostics` as they are found.
 */
export function streamDecoder(
  file: string,
  diagnostics: Diagnostic[],
  forced?: Encoding,
): StreamDecoder {
  let encoding: Encoding | undefined = forced;
  let first = true;
  let carry: Uint8Array | undefined; // incomplete UTF-8 character at the end of the last chunk
  let textDecoder: InstanceType<typeof TextDecoder> | undefined;
  let declared = false; // a BOM declared the encoding
  let reportedInvalid = false;

  const warn1252 = (at: string) =>
    diagnostics.push(
      diagnostic({
        code: "data.encoding",
        severity: "warning",
        message: `file is not UTF-8 (${at}); read as Windows-1252`,
        file,
        line: 1,
        column: 1,
      }),
    );

  const invalid = () => {
    if (reportedInvalid) return;
    reportedInvalid = true;
    diagnostics.push(
      diagnostic({
        code: "data.invalid_utf8",
        message: `file starts with a ${encoding} byte order mark but contains invalid bytes; they are shown as \uFFFD`,
        file,
        line: 1,
        column: 1,
        hint: "Save the file again as UTF-8.",
      }),
    );
  };

  const decodeText = (chunk: Uint8Array, stream: boolean): string => {
    if (encoding === "windows-1252") return iconv.decode(asBuffer(chunk), "win1252");
    textDecoder ??= new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    try {
      return textDecoder.decode(chunk, { stream });
    } catch {
      invalid();
      textDecoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
      return textDecoder.decode(chunk, { stream });
    }
  };

  const utf8 = (chunk: Uint8Array, last: boolean): Decoded | DecodeStop => {
    let body = chunk;
    if (carry !== undefined) {
      const joined = new Uint8Array(carry.length + chunk.length);
      joined.set(carry);
      joined.set(chunk, carry.length);
      body = joined;
      carry = undefined;
    }
    const cut = last ? body.length : wholeUtf8Prefix(body);
    if (cut < body.length) carry = body.slice(cut);
    const whole = cut < body.length ? body.subarray(0, cut) : body;
    if (isUtf8(whole)) return whole;
    if (declared) {
      invalid();
      return asBuffer(whole).toString("utf8");
    }
    return { stop: "restart" };
  };

  let head: Uint8Array | undefined; // first bytes, held until there are enough to sniff

  const push = (input: Uint8Array, last: boolean): Decoded | DecodeStop => {
    let chunk = input;
    if (first && head !== undefined) {
      chunk = new Uint8Array(head.length + input.length);
      chunk.set(head);
      chunk.set(input, head.length);
      head = undefined;
    }
    if (first && chunk.length < 4 && !last) {
      head = chunk;
      return "";
    }
    let body = chunk;
    if (first && (chunk.length > 0 || last)) {
      first = false;
      if (encoding === undefined) {
        const sniffed = sniffEncoding(chunk);
        if (sniffed !== undefined) {
          encoding = sniffed.encoding;
          declared = sniffed.bom > 0;
          body = chunk.subarray(sniffed.bom);
        } else if (asBuffer(chunk).indexOf(0) >= 0) {
          return { stop: "binary" };
        } else {
          const cut = last ? chunk.length : wholeUtf8Prefix(chunk);
          if (isUtf8(chunk.subarray(0, cut))) encoding = "utf-8";
          else {
            encoding = "windows-1252";
            warn1252(firstBadByte(chunk));
          }
        }
      } else {
        const sniffed = sniffEncoding(chunk);
        if (sniffed?.encoding === encoding) body = chunk.subarray(sniffed.bom);
        if (encoding === "windows-1252") warn1252("invalid UTF-8 later in the file");
      }
    }
    if (encoding !== "utf-16le" && encoding !== "utf-16be" && asBuffer(body).indexOf(0) >= 0) {
      return { stop: "binary" };
    }
    if (encoding === "utf-8") return utf8(body, last);
    return decodeText(body, !last);
  };

  return {
    encoding: () => encoding,
    push: (chunk) => push(chunk, false),
    end: () => (first && head === undefined ? "" : push(new Uint8Array(0), true)),
  };
}

/** Describes the first byte that is not valid UTF-8, with its line, for the warning. */
function firstBadByte(b: Uint8Array): string {
  let line = 1;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 10) line++;
    const need =
      c < 0x80
        ? 0
        : c >= 0xc2 && c < 0xe0
          ? 1
          : c >= 0xe0 && c < 0xf0
            ? 2
            : c >= 0xf0 && c < 0xf5
              ? 3
              : -1;
    let ok = need >= 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (!ok) return `byte 0x${c.toString(16).toUpperCase().padStart(2, "0")} on line ${line}`;
    i += need + 1;
  }
  return "invalid UTF-8";
}

/** Turns a decoded piece into text. */
export function decodedText(d: Decoded): string {
  return typeof d === "string" ? d : asBuffer(d).toString("utf8");
}

/**
 * Decodes a whole file held in memory (YAML data files). Returns undefined text for binary
 * data, with a `file.binary` diagnostic.
 */
export function decodeBytes(
  bytes: Uint8Array,
  file: string,
): { text: string | undefined; encoding: Encoding | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let dec = streamDecoder(file, diagnostics);
  let out = dec.push(bytes);
  if (!isStop(out)) {
    const tail = dec.end();
    out = isStop(tail) ? tail : decodedText(out) + decodedText(tail);
  }
  if (isStop(out) && out.stop === "restart") {
    dec = streamDecoder(file, diagnostics, "windows-1252");
    out = dec.push(bytes);
  }
  if (isStop(out)) {
    diagnostics.push(binaryDiagnostic(file));
    return { text: undefined, encoding: dec.encoding(), diagnostics };
  }
  return { text: decodedText(out), encoding: dec.encoding(), diagnostics };
}

export function isStop(d: Decoded | DecodeStop): d is DecodeStop {
  return typeof d === "object" && "stop" in d;
}

export function binaryDiagnostic(file: string): Diagnostic {
  return diagnostic({
    code: "file.binary",
    message: "file contains binary data (NUL bytes), not text",
    file,
    line: 1,
    column: 1,
    hint: "Export the data as CSV (UTF-8) rather than an Excel workbook or other binary format.",
  });
}
