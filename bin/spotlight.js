#!/usr/bin/env node
// The `spotlight` command: runs the CLI function and sets the exit code from its result.
import { run } from "../dist/cli/run.js";

process.exitCode = await run(process.argv.slice(2));
