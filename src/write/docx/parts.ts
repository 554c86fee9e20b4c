// The package around the body: relationships of a part, the media parts (each distinct image
// once, an SVG and its PNG fallback sharing a number), and the fixed parts — content types,
// package relationships, core and app properties, settings. Everything is numbered in the order
// it is met, so the same document always gives the same names and ids.
import type { LoadedImage } from "./context.js";
import { esc, ns, xmlDeclaration } from "./xml.js";

const relType = {
  officeDocument: `${ns.relTypes}/officeDocument`,
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${ns.relTypes}/extended-properties`,
  styles: `${ns.relTypes}/styles`,
  numbering: `${ns.relTypes}/numbering`,
  settings: `${ns.relTypes}/settings`,
  header: `${ns.relTypes}/header`,
  footer: `${ns.relTypes}/footer`,
  image: `${ns.relTypes}/image`,
  hyperlink: `${ns.relTypes}/hyperlink`,
} as const;

export type RelType = keyof typeof relType;

/** The relationships of one part, `rId1`, `rId2`, … in the order they are added. */
export class Relationships {
  private readonly list: { type: RelType; target: string; external: boolean }[] = [];
  private readonly ids = new Map<string, string>();

  /** The id of a relationship, added on first use (the same target keeps its id). */
  add(type: RelType, target: string, external = false): string {
    const key = `${type} ${external ? "ext" : "int"} ${target}`;
    let id = this.ids.get(key);
    if (!id) {
      this.list.push({ type, target, external });
      id = `rId${this.list.length}`;
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.list.length;
  }

  xml(): string {
    const rels = this.list
      .map(
        (r, i) =>
          `<Relationship Id="rId${i + 1}" Type="${relType[r.type]}" Target="${esc(r.target)}"${
            r.external ? ' TargetMode="External"' : ""
          }/>`,
      )
      .join("");
    return `${xmlDeclaration}<Relationships xmlns="${ns.rels}">${rels}</Relationships>`;
  }
}

/** Where an image's bytes live in the package, relative to `word/`. */
export interface MediaTargets {
  main: string;
  /** The PNG of an SVG, for programs that cannot show SVG. */
  fallback?: string;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The package's media parts. Each distinct image is stored once (the same bytes under two names
 * share a part); a PNG still being drawn is a promise until the package is zipped.
 */
export class Media {
  readonly parts = new Map<string, Uint8Array | Promise<Uint8Array>>();
  private readonly byImage = new Map<LoadedImage, MediaTargets>();
  private readonly byLength = new Map<number, [LoadedImage, MediaTargets][]>();

  add(image: LoadedImage): MediaTargets {
    const known = this.byImage.get(image);
    if (known) return known;
    const same = this.byLength.get(image.data.length) ?? [];
    const found = same.find(
      ([other]) =>
        other.kind === image.kind &&
        sameBytes(other.data, image.data) &&
        (other.fallback === image.fallback ||
          (other.fallback instanceof Uint8Array &&
            image.fallback instanceof Uint8Array &&
            sameBytes(other.fallback, image.fallback))),
    );
    if (found) return found[1];
    const n = this.byImage.size + 1;
    const ext = image.kind === "jpg" ? "jpeg" : image.kind;
    const targets: MediaTargets = { main: `media/image${n}.${ext}` };
    this.parts.set(`word/${targets.main}`, image.data);
    if (image.fallback) {
      targets.fallback = `media/image${n}.png`;
      this.parts.set(`word/${targets.fallback}`, image.fallback);
    }
    this.byImage.set(image, targets);
    this.byLength.set(image.data.length, [...same, [image, targets]]);
    return targets;
  }
}

export interface CoreProperties {
  title: string;
  author?: string;
  subject?: string;
  description?: string;
  /** YYYY-MM-DD: created and modified, at midnight UTC. */
  date: string;
  language: string;
}

export function coreXml(p: CoreProperties): string {
  const stamp = `${p.date}T00:00:00Z`;
  const opt = (tag: string, v: string | undefined) => (v ? `<${tag}>${esc(v)}</${tag}>` : "");
  return (
    `${xmlDeclaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(p.title)}</dc:title>${opt("dc:subject", p.subject)}${opt("dc:creator", p.author)}` +
    `${opt("dc:description", p.description)}<cp:lastModifiedBy>${esc(p.author ?? "board-spotlight")}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${esc(p.language)}</dc:language></cp:coreProperties>`
  );
}

const appXml =
  `${xmlDeclaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>board-spotlight</Application></Properties>`;

const settingsXml =
  `${xmlDeclaration}<w:settings xmlns:w="${ns.w}"><w:defaultTabStop w:val="720"/>` +
  `<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ` +
  `w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const wordType = (part: string) =>
  `application/vnd.openxmlformats-officedocument.wordprocessingml.${part}+xml`;

function contentTypesXml(parts: Iterable<string>): string {
  const overrides: [string, string][] = [
    ["/word/document.xml", wordType("document.main")],
    ["/word/styles.xml", wordType("styles")],
    ["/word/numbering.xml", wordType("numbering")],
    ["/word/settings.xml", wordType("settings")],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  for (const name of parts) {
    const m = /^word\/(header|footer)\d+\.xml$/.exec(name);
    if (m) overrides.push([`/${name}`, wordType(m[1] as string)]);
  }
  return (
    `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
    `<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="svg" ContentType="image/svg+xml"/>` +
    overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("") +
    "</Types>"
  );
}

const packageRels = (() => {
  const rels = new Relationships();
  rels.add("officeDocument", "word/document.xml");
  rels.add("coreProperties", "docProps/core.xml");
  rels.add("extendedProperties", "docProps/app.xml");
  return rels.xml();
})();

/** Part name → text or bytes (a PNG still being drawn is a promise). */
export type PackageParts = Map<string, string | Uint8Array | Promise<Uint8Array>>;

/** Adds the fixed parts (content types, package relationships, properties, settings). */
export function addPackageParts(parts: PackageParts, core: CoreProperties): void {
  parts.set("_rels/.rels", packageRels);
  parts.set("docProps/core.xml", coreXml(core));
  parts.set("docProps/app.xml", appXml);
  parts.set("word/settings.xml", settingsXml);
  parts.set("[Content_Types].xml", contentTypesXml(parts.keys()));
}
