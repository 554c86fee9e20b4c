#!/usr/bin/env node
// The `spotlight` command: runs the CLI function and sets the exit code from its result. Help and
// version load only the small command-line chunk of the ES module bundle; every other command
// loads the whole program with its code cache (bin/load-app.js). Both are made by `npm run build`.
const argv = process.argv.slice(2);
const helpOnly =
  argv.length === 0 ||
  (argv.length === 1 && ["-h", "--help", "-V", "--version", "help"].includes(argv[0]));
const { run } = helpOnly
  ? await import("../dist/bundle/run.js")
  : (await import("./load-app.js")).loadApp().app;
process.exitCode = await run(argv);
