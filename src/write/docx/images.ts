// Image facts for the DOCX writer: the pixel size of PNG (IHDR), JPEG (SOF) and SVG
// (width/height or viewBox) files, which images are small icons, and fitting a size to the text
// width. Pure functions on bytes; no docx types here.

export interface PixelSize {
  width: number;
  height: number;
}

export type ImageKind = "png" | "jpg" | "svg";

/** The kind of image from its bytes (not its name), or undefined for anything else. */
export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47
  ) {
    return "png";
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpg";
  const head = new TextDecoder().decode(bytes.subarray(0, 1024));
  if (/<svg[\s>]/.test(head)) return "svg";
  return undefined;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): PixelSize | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Width and height from a JPEG's first start-of-frame marker. */
export function jpegSize(bytes: Uint8Array): PixelSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] as number;
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(i + 5);
      const width = view.getUint16(i + 7);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

/** Size of an SVG from its root width/height (px or unitless) or else its viewBox. */
export function svgSize(bytes: Uint8Array): PixelSize | undefined {
  const text = new TextDecoder().decode(bytes.subarray(0, 4096));
  const root = /<svg\b[^>]*>/.exec(text)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(root)?.[1];
  const px = (v: string | undefined) => {
    const m = v === undefined ? null : /^\s*([\d.]+)\s*(px)?\s*$/.exec(v);
    return m ? Number(m[1]) : undefined;
  };
  const width = px(attr("width"));
  const height = px(attr("height"));
  if (width && height) return { width, height };
  const box = attr("viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box && box.length === 4 && (box[2] as number) > 0 && (box[3] as number) > 0) {
    return { width: box[2] as number, height: box[3] as number };
  }
  return undefined;
}

/** Small inline icons: MDC variation/assurance icons, or any image titled "icon". */
export function isIcon(path: string, title: string | null | undefined): boolean {
  const base = path.split("/").pop() ?? path;
  return /^(variation|assurance)-/i.test(base) || (title ?? "").trim().toLowerCase() === "icon";
}

/** Pixels at 96 to the inch per centimetre. */
export const pxPerCm = 96 / 2.54;

/** Icon height on the page: 0.7 cm, about two lines of 11 pt text beside its label. */
export const iconHeightPx = Math.round(0.7 * pxPerCm);

/**
 * The size to draw an image at, in px at 96 dpi: its natural size, scaled down (keeping its
 * aspect ratio) to fit `maxWidth` × `maxHeight`; icons are drawn `iconHeightPx` high.
 */
export function fitSize(
  natural: PixelSize,
  icon: boolean,
  maxWidth: number,
  maxHeight: number,
): PixelSize {
  if (icon) {
    const height = iconHeightPx;
    return { width: Math.round((natural.width / natural.height) * height), height };
  }
  const scale = Math.min(1, maxWidth / natural.width, maxHeight / natural.height);
  return { width: Math.round(natural.width * scale), height: Math.round(natural.height * scale) };
}
