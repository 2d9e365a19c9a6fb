import path from "node:path";

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
  json: "application/json",
  zip: "application/zip",
  txt: "text/plain; charset=utf-8",
};

/** A content type from a file name's extension; for objects stored without metadata. */
export function guessContentType(name: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}
