// The written-out default configuration is exactly what the config schema gives for an empty file.
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/schema/config-defaults.js";
import { configSchema } from "../../src/schema/config-schema.js";

describe("defaultConfig", () => {
  it("equals the schema's defaults for an empty config file", () => {
    expect(defaultConfig()).toStrictEqual(configSchema.parse({}));
  });

  it("gives a fresh copy each time", () => {
    const a = defaultConfig();
    a.style.colours.heading = "#000000";
    expect(defaultConfig().style.colours.heading).toBe("#005EB8");
  });
});
