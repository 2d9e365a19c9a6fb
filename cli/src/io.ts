import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Api } from "./api";
import type { Progress } from "./progress";

export interface Io {
  out: (line: string) => void;
  json: boolean;
  env: NodeJS.ProcessEnv;
  /** Reads one line from the terminal (login without flags). */
  ask: (question: string) => Promise<string>;
  progress: Progress;
  /** How often a waiting `generate` asks for the job's status (ms). */
  pollMs: number;
}

export const print = (io: Io, value: unknown, text: () => string) =>
  io.out(io.json ? JSON.stringify(value, null, 2) : text());

const EXT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
};

export async function download(api: Api, id: string, outDir: string): Promise<string> {
  const file = await api.file(`/api/images/download/${id}`);
  const name = file.filename ? path.basename(file.filename) : `${id}.${EXT[file.contentType] ?? "bin"}`;
  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, name);
  writeFileSync(target, file.data);
  return target;
}
