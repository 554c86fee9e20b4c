// File names of the images a paper uses (charts and icons), without folder or extension.
// Deterministic, and unique even when two spotlight/measure id pairs would collide.

export type IconKind = "variation" | "assurance";

/** `icon-variation-improvement_low`, `icon-assurance-pass`. */
export function iconFile(kind: IconKind, value: string): string {
  return `icon-${kind}-${value}`;
}

/**
 * Returns a namer for chart files: `<spotlight>-<measure>`, with `-2`, `-3`… added when a name
 * is already taken (compared case-insensitively, for Windows and macOS file systems).
 */
export function assetFileNames(): (spotlightId: string, measureId: string) => string {
  const taken = new Set<string>();
  return (spotlightId, measureId) => {
    const base = `${spotlightId}-${measureId}`;
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    taken.add(name.toLowerCase());
    return name;
  };
}
