// Where the package's own files are (templates, fonts, the example pack, the JSON Schema). This
// module sits two folders below the package root in src/ (tests), dist/ (the library) and
// dist/bundle/ (the command's bundle), so one relative URL works from all three.
import { fileURLToPath } from "node:url";

/** Absolute path of a file or folder shipped in the package, e.g. `packageFile("templates/")`. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}
