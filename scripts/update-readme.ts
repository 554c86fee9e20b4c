// `npm run docs`: rewrites the generated reference sections of README.md in place.
import { readFileSync, writeFileSync } from "node:fs";
import { regenerate } from "./readme-sections.js";

const before = readFileSync("README.md", "utf8");
const after = regenerate(before);
if (after !== before) writeFileSync("README.md", after);
process.stderr.write(after === before ? "README.md is up to date\n" : "README.md updated\n");
