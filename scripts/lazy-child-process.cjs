// Stands in for node:child_process inside commander when scripts/bundle-cli.mjs bundles it:
// commander needs it only to run executable subcommands (spotlight has none), and loading it
// (with net, dgram and streams) is a few ms of every command's start. Loaded on first use.
"use strict";
module.exports = {
  get spawn() {
    return require("node:child_process").spawn;
  },
};
