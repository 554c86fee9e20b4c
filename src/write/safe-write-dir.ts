// Replaces a whole output folder (e.g. `paper_files/`) atomically. The implementation (temporary
// sibling folder, renames, old folder removed last, refusals and clear errors) lives in
// safe-write.ts; this module keeps the original import path working.
export { replaceDirAtomic } from "./safe-write.js";
