// File names of the images a paper uses (charts and icons), without folder or extension.
// Deterministic, and unique even when two spotlight/measure id pairs would collide.
import { ASSURANCES, VARIATIONS } from "../charts/icons.js";

export type IconKind = "variation" | "assurance";

/**
 * Returns a namer for chart files: `<spotlight>-<measure>`, with `-2`, `-3`… added when a name
 * is already taken (compared case-insensitively, for Windows and macOS file systems).
 */
export function assetFileNames(): (spotlightId: string, measureId: string) => string {
  // Icon files (`variation-pass.svg`…) share the folder, so their names are taken too.
  const taken = new Set<string>([
    ...VARIATIONS.map((v) => `variation-${v}`),
    ...ASSURANCES.map((a) => `assurance-${a}`),
  ]);
  return (spotlightId, measureId) => {
    const base = `${spotlightId}-${measureId}`;
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    taken.add(name.toLowerCase());
    return name;
  };
}
