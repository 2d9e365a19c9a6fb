/**
 * Lossless removal of embedded metadata from PNG, JPEG and WebP files: the pixels and colour profile are kept
 * byte for byte; text chunks (generation parameters, comments), EXIF (camera, GPS), XMP and timestamps go.
 * Anything unrecognised is returned unchanged.
 */

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function stripPng(buf: Buffer): Buffer {
  const out: Buffer[] = [PNG_SIG];
  let at = 8;
  while (at + 12 <= buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const end = at + 12 + len;
    if (end > buf.length) return buf;
    if (!PNG_DROP.has(type)) out.push(buf.subarray(at, end));
    at = end;
    if (type === "IEND") break;
  }
  return Buffer.concat(out);
}

/** JPEG: APP1 (EXIF, XMP), APP3–APP15 and COM segments go; APP0 (JFIF) and APP2 (ICC profile) stay. */
function stripJpeg(buf: Buffer): Buffer {
  const out: Buffer[] = [buf.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return buf;
    const marker = buf[at + 1]!;
    if (marker === 0xda) {
      out.push(buf.subarray(at)); // start of scan: the entropy-coded data and the rest are kept as they are
      return Buffer.concat(out);
    }
    const len = buf.readUInt16BE(at + 2);
    const end = at + 2 + len;
    if (end > buf.length) return buf;
    const drop = marker === 0xe1 || (marker >= 0xe3 && marker <= 0xef) || marker === 0xfe;
    if (!drop) out.push(buf.subarray(at, end));
    at = end;
  }
  return buf;
}

/** WebP (RIFF): EXIF and XMP chunks go, and the extended header's flags stop announcing them. */
function stripWebp(buf: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let at = 12;
  while (at + 8 <= buf.length) {
    const type = buf.toString("latin1", at, at + 4);
    const len = buf.readUInt32LE(at + 4);
    const end = at + 8 + len + (len % 2);
    if (end > buf.length) return buf;
    if (type !== "EXIF" && type !== "XMP ") {
      const chunk = Buffer.from(buf.subarray(at, end));
      if (type === "VP8X" && chunk.length > 8) chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
      chunks.push(chunk);
    }
    at = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(body.length + 4, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, body]);
}

export function stripMetadata(buf: Buffer): Buffer {
  if (buf.length > 8 && buf.subarray(0, 8).equals(PNG_SIG)) return stripPng(buf);
  if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) return stripJpeg(buf);
  if (buf.length > 12 && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP") return stripWebp(buf);
  return buf;
}
