/**
 * Just enough of ISO-BMFF (MP4) to describe a video fal returns: is it an MP4, its picture size (the video
 * track's tkhd) and its duration (mvhd). No decoding: frames of MP4s are taken in the browser.
 */

export interface Mp4Facts {
  width: number;
  height: number;
  durationSeconds: number;
}

const VIDEO_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |dash|mmp4|MSNV)$/;

/** True for an MP4 file (an ftyp box with a video brand; AVIF/HEIF images share the container and are not). */
export function isMp4(data: Buffer): boolean {
  return data.length >= 12 && data.toString("latin1", 4, 8) === "ftyp" && VIDEO_BRANDS.test(data.toString("latin1", 8, 12));
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(data: Buffer, start: number, end: number): Generator<Box> {
  let p = start;
  while (p + 8 <= end) {
    let size = data.readUInt32BE(p);
    const type = data.toString("latin1", p + 4, p + 8);
    let header = 8;
    if (size === 1) {
      if (p + 16 > end) return;
      size = Number(data.readBigUInt64BE(p + 8));
      header = 16;
    } else if (size === 0) size = end - p;
    if (size < header || p + size > end) return;
    yield { type, start: p + header, end: p + size };
    p += size;
  }
}

const child = (data: Buffer, parent: Box, type: string) => [...boxes(data, parent.start, parent.end)].find((b) => b.type === type);

function mvhdDuration(data: Buffer, box: Box): number {
  const version = data[box.start]!;
  const timescale = version === 1 ? data.readUInt32BE(box.start + 20) : data.readUInt32BE(box.start + 12);
  const duration = version === 1 ? Number(data.readBigUInt64BE(box.start + 24)) : data.readUInt32BE(box.start + 16);
  return timescale > 0 ? duration / timescale : 0;
}

function tkhdSize(data: Buffer, box: Box): { width: number; height: number } {
  // width and height are the last 8 bytes of tkhd, as 16.16 fixed point.
  return { width: data.readUInt32BE(box.end - 8) >>> 16, height: data.readUInt32BE(box.end - 4) >>> 16 };
}

/** Size and duration of an MP4, or undefined when the boxes are missing or broken. */
export function mp4Facts(data: Buffer): Mp4Facts | undefined {
  if (!isMp4(data)) return undefined;
  try {
    const moov = [...boxes(data, 0, data.length)].find((b) => b.type === "moov");
    if (!moov) return undefined;
    const mvhd = child(data, moov, "mvhd");
    const durationSeconds = mvhd ? mvhdDuration(data, mvhd) : 0;
    for (const trak of boxes(data, moov.start, moov.end)) {
      if (trak.type !== "trak") continue;
      const tkhd = child(data, trak, "tkhd");
      if (!tkhd) continue;
      const size = tkhdSize(data, tkhd);
      if (size.width > 0 && size.height > 0) return { ...size, durationSeconds };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** A minimal, structurally valid MP4 header (ftyp + moov/mvhd + one video trak/tkhd): for tests and fakes. */
export function mp4Header(width: number, height: number, durationSeconds: number, timescale = 1000): Buffer {
  const box = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, "latin1");
    return Buffer.concat([head, body]);
  };
  const ftyp = box("ftyp", Buffer.from("isom", "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isomiso2avc1mp41", "latin1"));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(timescale, 12);
  mvhd.writeUInt32BE(Math.round(durationSeconds * timescale), 16);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(width << 16, 76);
  tkhd.writeUInt32BE(height << 16, 80);
  return Buffer.concat([ftyp, box("moov", box("mvhd", mvhd), box("trak", box("tkhd", tkhd)))]);
}
