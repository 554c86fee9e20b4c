#!/usr/bin/env node
// The `spotlight` command: runs the CLI function and sets the exit code from its result. It loads
// the bundle that `npm run build` makes (dist/bundle/), which starts much faster than the
// hundreds of modules under dist/.
import { run } from "../dist/bundle/run.js";

process.exitCode = await run(process.argv.slice(2));
