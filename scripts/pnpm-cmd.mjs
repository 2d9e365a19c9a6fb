// How to call the pnpm that runs this script: pnpm 12 may be a native binary or a JS entry point.
export function pnpmCommand() {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(exec)) return /\.(c|m)?js$/.test(exec) ? [process.execPath, exec] : [exec];
  return ["pnpm"];
}
