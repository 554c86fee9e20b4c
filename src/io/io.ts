// The I/O the core is allowed to use, passed in from outside (the CLI gives the real file
// system; tests give a fake). The core never touches process, the clock or node:fs directly.

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface ReadIo {
  /** Reads a whole file; rejects with a Node-style error (`code` ENOENT, EACCES, EISDIR…). */
  readFile(path: string): Promise<Uint8Array>;
  /** Lists a folder (for globs). */
  readDir(path: string): Promise<DirEntry[]>;
  /** Size in bytes, or undefined when the path does not exist. */
  fileSize(path: string): Promise<number | undefined>;
  /** Resolves symbolic links; used for containment checks. */
  realPath(path: string): Promise<string>;
  /** Opens a file as a stream of chunks (large CSV files are read this way). */
  readStream(path: string): AsyncIterable<Uint8Array>;
}
