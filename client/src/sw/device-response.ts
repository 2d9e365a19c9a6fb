/**
 * A response for a file the device keeps (a Dexie blob), honouring a `Range: bytes=…` request: a video element
 * asks for ranges (to read the MP4's index, to seek), and answers 206 with the slice it asked for. A range it
 * cannot satisfy is a 416; anything else gets the whole file.
 */

const HEADERS = { "Cache-Control": "private, max-age=31536000, immutable", "X-Served-By": "device", "Accept-Ranges": "bytes" };

/** [start, end] (inclusive) of a single-range header, clamped to the file; null when unsatisfiable; undefined when absent or not one range. */
export function parseRange(header: string | null, size: number): [number, number] | null | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    return suffix > 0 && size > 0 ? [Math.max(0, size - suffix), size - 1] : null;
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start < size && start <= end ? [start, end] : null;
}

export function deviceResponse(blob: Blob, rangeHeader: string | null): Response {
  const type = blob.type || "application/octet-stream";
  const range = parseRange(rangeHeader, blob.size);
  if (range === undefined) return new Response(blob, { headers: { ...HEADERS, "Content-Type": type, "Content-Length": String(blob.size) } });
  if (range === null) return new Response(null, { status: 416, headers: { ...HEADERS, "Content-Range": `bytes */${blob.size}` } });
  const [start, end] = range;
  return new Response(blob.slice(start, end + 1, type), {
    status: 206,
    headers: { ...HEADERS, "Content-Type": type, "Content-Length": String(end - start + 1), "Content-Range": `bytes ${start}-${end}/${blob.size}` },
  });
}
