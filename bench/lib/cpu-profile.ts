/** The hottest functions (self time) of the V8 .cpuprofile files in a folder, as a small text table. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PACKAGE = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/;

/** Which package (or "app", "node", "v8") a frame belongs to. */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "native";
  const m = PACKAGE.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node";
  return url.includes("/server/dist/") || url.includes("/server/src/") ? "app" : "other";
}

/** Self time by package: where the CPU goes once the request has been parsed. */
export function byPackage(dir: string, top = 12): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const p = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const key = owner(n.callFrame.url, n.callFrame.functionName);
      const dt = p.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`)
    .join("\n");
}

export function summariseProfiles(dir: string, top = 20): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const p = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const dt = p.timeDeltas[i] ?? 0;
      const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*node_modules\/(\.pnpm\/)?/, "").replace(/^file:\/\/.*\/server\//, "server/")}:${n.callFrame.lineNumber + 1}` : "";
      const key = `${n.callFrame.functionName || "(anonymous)"} ${where}`.trim();
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${k.slice(0, 150)}`)
    .join("\n");
}
