import yauzl from "yauzl";

/** A ZIP opened for random access (central directory read once); entries are read one at a time. */
export interface ZipReader {
  names(): string[];
  /** The entry's uncompressed size as the archive declares it (0 when absent). */
  size(name: string): number;
  /** The entry's bytes, or null when absent; throws `TooLarge` past `maxBytes` (checked while reading). */
  read(name: string, maxBytes: number): Promise<Buffer | null>;
  close(): void;
}

export class ZipTooLarge extends Error {
  constructor(readonly entry: string) {
    super(`${entry} is too large`);
  }
}

export function openZip(path: string): Promise<ZipReader> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("not a zip"));
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (e: yauzl.Entry) => {
        if (!e.fileName.endsWith("/")) entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.once("error", reject);
      zip.once("end", () => resolve(reader(zip, entries)));
      zip.readEntry();
    });
  });
}

function reader(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): ZipReader {
  return {
    names: () => [...entries.keys()],
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    read: (name, maxBytes) =>
      new Promise((resolve, reject) => {
        const e = entries.get(name);
        if (!e) return resolve(null);
        if (e.uncompressedSize > maxBytes) return reject(new ZipTooLarge(name));
        zip.openReadStream(e, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error("unreadable entry"));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on("data", (c: Buffer) => {
            size += c.length;
            if (size > maxBytes) stream.destroy(new ZipTooLarge(name));
            else chunks.push(c);
          });
          stream.once("error", reject);
          stream.once("end", () => resolve(Buffer.concat(chunks)));
        });
      }),
    close: () => zip.close(),
  };
}
