// Run in a child process by determinism.test.ts (with a chosen TZ): renders the sample paper and
// prints the DOCX as base64 on stdout.
import { renderSample } from "./sample.js";

const { docx } = await renderSample();
process.stdout.write(Buffer.from(docx).toString("base64"));
