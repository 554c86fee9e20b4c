#!/usr/bin/env node
// The `spotlight` command: runs the CLI function and sets the exit code from its result. It is
// CommonJS so that a command that does work never starts Node's ES module loader. Help and
// version load only the small command-line chunk of the ES module bundle; `convert` loads the
// convert bundle (its plain forms without commander, and the DOCX writer) and every other command
// the whole program, each with its code cache (bin/load-app.cjs). All are made by `npm run build`.
"use strict";
const argv = process.argv.slice(2);
const helpOnly =
  argv.length === 0 ||
  (argv.length === 1 && ["-h", "--help", "-V", "--version", "help"].includes(argv[0]));
const { loadApp } = helpOnly ? {} : require("./load-app.cjs");
const appRun = (args) => loadApp({ bundle: "app" }).app.run(args);
const run = helpOnly
  ? (args) => import("../dist/bundle/run.js").then((m) => m.run(args))
  : argv[0] === "convert"
    ? // The convert bundle answers undefined for a form it leaves to the full command line.
      (args) =>
        loadApp({ bundle: "convert" })
          .app.run(args)
          .then((code) => code ?? appRun(args))
    : appRun;
run(argv).then((code) => {
  process.exitCode = code;
});
