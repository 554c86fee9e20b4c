// What reading a config file needs beyond the defaults: the YAML reader and the config schema
// (zod) with its validator. One module, imported lazily by config.ts only when there is a
// config file, so that `convert` without one loads neither (the build also bundles it on its
// own for the convert command's bundle).
export { readYamlFile } from "./yaml.js";
export { configSchema } from "../schema/config-schema.js";
export { validateWithSchema } from "../schema/validate.js";
