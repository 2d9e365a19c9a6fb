// How to call pnpm from a script: the pnpm that runs this script (pnpm 12 may be a native binary or a JS entry
// point), else `npx -y pnpm@12` — so `node scripts/…` works on a machine with only Node and npm.
export function pnpmCommand() {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(exec)) return /\.(c|m)?js$/.test(exec) ? [process.execPath, exec] : [exec];
  return [process.platform === "win32" ? "npx.cmd" : "npx", "-y", "pnpm@12"];
}
