import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError, EXIT } from "./errors";

export interface Config {
  url: string;
  key: string;
}

/** $IMAGE_STUDIO_CONFIG, else $XDG_CONFIG_HOME/image-studio/config.json, else ~/.config/image-studio/config.json. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IMAGE_STUDIO_CONFIG) return path.resolve(env.IMAGE_STUDIO_CONFIG);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "image-studio", "config.json");
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Partial<Config> {
  const file = configPath(env);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Config>;
    return {
      url: typeof parsed.url === "string" ? parsed.url : undefined,
      key: typeof parsed.key === "string" ? parsed.key : undefined,
    };
  } catch {
    throw new CliError(`The config file ${file} is not valid JSON. Run "image-studio login" again.`);
  }
}

/** Writes the URL and key readable by this user only (0600, in a 0700 directory). */
export function writeConfig(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  const file = configPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its old mode on write
  return file;
}

export function removeConfig(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = configPath(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

/** The server and key to use: flags, then IMAGE_STUDIO_URL / IMAGE_STUDIO_API_KEY, then the config file. */
export function resolveConfig(flags: { url?: string; key?: string }, env: NodeJS.ProcessEnv = process.env): Config {
  const saved = readConfig(env);
  const url = flags.url ?? env.IMAGE_STUDIO_URL ?? saved.url;
  const key = flags.key ?? env.IMAGE_STUDIO_API_KEY ?? saved.key;
  if (!url || !key) {
    throw new CliError(
      'Not signed in: run "image-studio login", or set IMAGE_STUDIO_URL and IMAGE_STUDIO_API_KEY.',
      EXIT.auth,
    );
  }
  return { url: url.replace(/\/+$/, ""), key };
}
