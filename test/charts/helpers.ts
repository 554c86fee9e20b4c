// Test helpers for charts: a minimal PNG decoder (8-bit RGB/RGBA, non-interlaced, as resvg
// writes) and a well-formedness check for the generated SVG/XML.
import { unzlibSync } from "fflate";

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

export function decodePng(bytes: Uint8Array): Image {
  if (!isPng(bytes)) throw new Error("not a PNG");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (data[8] !== 8 || data[12] !== 0 || data[9] === 3)
        throw new Error("only 8-bit non-interlaced PNGs");
      colourType = data[9] ?? 0;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 4 ? 2 : 1;
  const joined = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of idat) {
    joined.set(c, at);
    at += c.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const s = i * channels;
    const grey = channels <= 2;
    rgba[i * 4] = out[s] ?? 0;
    rgba[i * 4 + 1] = grey ? (out[s] ?? 0) : (out[s + 1] ?? 0);
    rgba[i * 4 + 2] = grey ? (out[s] ?? 0) : (out[s + 2] ?? 0);
    rgba[i * 4 + 3] = channels === 4 ? (out[s + 3] ?? 0) : channels === 2 ? (out[s + 1] ?? 0) : 255;
  }
  return { width, height, rgba };
}

/** Counts opaque pixels darker than `threshold` (max channel) inside a box. */
export function darkPixels(
  img: Image,
  box = { x: 0, y: 0, w: img.width, h: img.height },
  threshold = 90,
): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.h; y += 1) {
    for (let x = box.x; x < box.x + box.w; x += 1) {
      const i = (y * img.width + x) * 4;
      const max = Math.max(img.rgba[i] ?? 0, img.rgba[i + 1] ?? 0, img.rgba[i + 2] ?? 0);
      if ((img.rgba[i + 3] ?? 0) > 200 && max < threshold) count += 1;
    }
  }
  return count;
}

/** Throws unless every tag is closed in order and every attribute is quoted. */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const between = xml.slice(last, m.index);
    if (/[<>]/.test(between)) throw new Error(`stray markup before offset ${m.index}: ${between}`);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(between)) throw new Error(`bad entity: ${between}`);
    last = tag.lastIndex;
    const [, close, name = "", , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else stack.push(name);
  }
  if (/[<>]/.test(xml.slice(last))) throw new Error("stray markup at the end");
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(", ")}`);
}

/** Attribute values of every element whose class list contains all of `classes`. */
export function elementsWithClass(svg: string, ...classes: string[]): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of svg.matchAll(/<([a-z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const attrs: Record<string, string> = { tag: m[1] ?? "" };
    for (const a of (m[2] ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1] ?? ""] = a[2] ?? "";
    const list = (attrs.class ?? "").split(" ");
    if (classes.every((c) => list.includes(c))) found.push(attrs);
  }
  return found;
}

/** Number of subpaths (M commands) in path data. */
export function subpaths(d: string): number {
  return (d.match(/M/g) ?? []).length;
}
