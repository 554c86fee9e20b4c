// The PNG encoder on its own: decoded pixels equal the input (alpha un-premultiplied), also when
// many images of one size are encoded at once and their scanline buffers are reused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePng, encodePngAsync } from "../../src/charts/png.js";
import { decodePng } from "./helpers.js";

/** Premultiplied RGBA pixels from straight colours (as resvg hands them over). */
function premultiplied(straight: Uint8Array): Uint8Array {
  const out = new Uint8Array(straight.length);
  for (let i = 0; i < straight.length; i += 4) {
    const a = straight[i + 3]!;
    for (let c = 0; c < 3; c++) out[i + c] = Math.round((straight[i + c]! * a) / 255);
    out[i + 3] = a;
  }
  return out;
}

/** What a PNG of premultiplied pixels should decode to: straight alpha, as the encoder rounds. */
function expected(pre: Uint8Array): Uint8Array {
  const out = Uint8Array.from(pre);
  for (let i = 0; i < out.length; i += 4) {
    const a = out[i + 3]!;
    if (a === 255 || a === 0) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round((out[i + c]! * 255) / a));
  }
  return out;
}

const image = (opaque: boolean) =>
  fc
    .record({ width: fc.integer({ min: 1, max: 9 }), height: fc.integer({ min: 1, max: 9 }) })
    .chain(({ width, height }) =>
      fc
        .uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 })
        .map((bytes) => {
          if (opaque) for (let i = 3; i < bytes.length; i += 4) bytes[i] = 255;
          return { width, height, pixels: premultiplied(bytes) };
        }),
    );

describe("encodePng", () => {
  it("decodes to the same pixels, opaque or not", () => {
    fc.assert(
      fc.property(fc.boolean().chain(image), ({ width, height, pixels }) => {
        const decoded = decodePng(encodePng(pixels, width, height));
        expect({ width: decoded.width, height: decoded.height }).toEqual({ width, height });
        expect(decoded.rgba).toEqual(expected(pixels));
      }),
    );
  });

  it("gives each of many same-size images encoded at once its own pixels", async () => {
    // Chart-sized (small images are compressed before the next is queued, hiding a buffer
    // reused too early), all the same size so buffers pass from one image to the next.
    const width = 640;
    const height = 320;
    const images = Array.from({ length: 24 }, (_, n) => {
      const straight = new Uint8Array(width * height * 4).map((_, i) => (i * 7 + n * 13) % 256);
      // Opaque but the last: un-premultiplying is slow enough to let zlib finish first.
      if (n < 23) for (let i = 3; i < straight.length; i += 4) straight[i] = 255;
      return premultiplied(straight);
    });
    const pngs = await Promise.all(images.map((px) => encodePngAsync(px, width, height)));
    const again = await Promise.all(images.map((px) => encodePngAsync(px, width, height)));
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    const wrong = pngs.flatMap((png, n) =>
      same(decodePng(png).rgba, expected(images[n]!)) &&
      same(again[n]!, png) &&
      same(encodePng(images[n]!, width, height), png)
        ? []
        : [n],
    );
    expect(wrong).toEqual([]);
  });
});
