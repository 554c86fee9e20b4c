#!/usr/bin/env node
// The `spotlight` command: runs the CLI function and sets the exit code from its result. It is
// CommonJS so that a command that does work never starts Node's ES module loader. Help and
// version load only the small command-line chunk of the ES module bundle; `convert` loads the
// convert bundle (the command line and the DOCX writer only) and every other command the whole
// program, each with its code cache (bin/load-app.cjs). All are made by `npm run build`.
"use strict";
const argv = process.argv.slice(2);
const helpOnly =
  argv.length === 0 ||
  (argv.length === 1 && ["-h", "--help", "-V", "--version", "help"].includes(argv[0]));
const run = helpOnly
  ? (args) => import("../dist/bundle/run.js").then((m) => m.run(args))
  : require("./load-app.cjs").loadApp({ bundle: argv[0] === "convert" ? "convert" : "app" }).app
      .run;
run(argv).then((code) => {
  process.exitCode = code;
});
