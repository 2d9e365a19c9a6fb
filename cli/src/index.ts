#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import * as cmd from "./commands";
import { CliError, EXIT, usageError } from "./errors";
import { Progress } from "./progress";

const HELP = `image-studio — Image Studio from the command line (uses an API key from Settings → API keys)

Usage:
  image-studio login [--url <url>] [--key <key>]    save the server and key (~/.config/image-studio/config.json, 0600)
  image-studio logout                               forget the saved key
  image-studio generate "<prompt>" [options]        generate, wait, download the images
      --model <id>          model id (default: the server's first featured model)
      --aspect-ratio <r>    e.g. 1:1, 16:9
      --n <count>           number of images
      --seed <int>          seed for a repeatable result
      --negative <text>     negative prompt
      --out <dir>           where to save the files (default: .)
      --no-wait             queue the job and print its id
  image-studio batch <file.csv> [options]           check every row, queue the batch, wait, download the images
      columns: prompt (required), negative_prompt, seed, model, aspect_ratio, any model parameter
      --model <id>          model for rows without a model column (default: the first featured model)
      --aspect-ratio, --n   parameters for every row (a column overrides them)
      --name <text>         the batch's name (default: the file name)
      --priority <p>        low, normal or high
      --dry-run             check the CSV and print the plan (jobs, images, credits) without queuing
      --zip                 download one ZIP with metadata.csv/json instead of the images
      --out <dir>, --no-wait
  image-studio images list [--limit <n>] [--project <id>] [--query <text>] [--favorite]
  image-studio images download <id>... [--out <dir>]
  image-studio projects list [--archived]

Global options:
  --json                   machine-readable output on stdout (errors as JSON on stderr)
  --url <url>, --key <key> override IMAGE_STUDIO_URL / IMAGE_STUDIO_API_KEY / the saved login
  -h, --help               this help

Exit codes: 0 ok, 1 failure, 2 usage, 3 not signed in / key refused, 4 not found, 5 job failed,
            6 server unreachable or erroring, 7 rate limited`;

const OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  url: { type: "string" },
  key: { type: "string" },
  model: { type: "string" },
  "aspect-ratio": { type: "string" },
  n: { type: "string" },
  seed: { type: "string" },
  negative: { type: "string" },
  out: { type: "string" },
  "no-wait": { type: "boolean" },
  limit: { type: "string" },
  project: { type: "string" },
  query: { type: "string" },
  favorite: { type: "boolean" },
  archived: { type: "boolean" },
  "poll-ms": { type: "string" },
  name: { type: "string" },
  priority: { type: "string" },
  "dry-run": { type: "boolean" },
  zip: { type: "boolean" },
} as const;

function int(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw usageError("Pass --url and --key (or set IMAGE_STUDIO_URL and IMAGE_STUDIO_API_KEY) when not in a terminal");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError((err as Error).message);
  }
  const {
    values: v,
    positionals: [command, ...rest],
  } = parsed;
  if (v.help || !command) {
    process.stdout.write(`${HELP}\n`);
    if (!command && !v.help) throw new CliError("", EXIT.usage);
    return;
  }
  const io: cmd.Io = {
    out: (line) => process.stdout.write(`${line}\n`),
    json: v.json === true,
    env: process.env,
    ask,
    progress: new Progress(process.stderr, process.stderr.isTTY === true && v.json !== true),
    pollMs: int("poll-ms", v["poll-ms"], 50, 60_000) ?? 1000,
  };
  const flags = { url: v.url, key: v.key };
  const sub = rest[0];
  switch (command) {
    case "login":
      return cmd.login(io, flags);
    case "logout":
      return cmd.logout(io);
    case "generate": {
      const prompt = rest.join(" ").trim();
      if (!prompt) throw usageError('Write a prompt: image-studio generate "a lighthouse at dusk"');
      return cmd.generate(io, cmd.resolveConfig(flags, io.env), prompt, {
        model: v.model,
        aspectRatio: v["aspect-ratio"],
        n: int("n", v.n, 1, 8),
        seed: int("seed", v.seed, 0, 2 ** 32 - 1),
        negative: v.negative,
        out: v.out ?? ".",
        wait: v["no-wait"] !== true,
      });
    }
    case "batch": {
      if (rest.length !== 1) throw usageError("Name one CSV file: image-studio batch prompts.csv");
      return cmd.batch(io, cmd.resolveConfig(flags, io.env), rest[0]!, {
        model: v.model,
        aspectRatio: v["aspect-ratio"],
        n: int("n", v.n, 1, 8),
        name: v.name,
        priority: v.priority,
        out: v.out ?? ".",
        wait: v["no-wait"] !== true,
        dryRun: v["dry-run"] === true,
        zip: v.zip === true,
      });
    }
    case "images":
      if (sub === "list")
        return cmd.imagesList(io, cmd.resolveConfig(flags, io.env), {
          limit: int("limit", v.limit, 1, 100) ?? 20,
          project: v.project,
          query: v.query,
          favorite: v.favorite,
        });
      if (sub === "download")
        return cmd.imagesDownload(io, cmd.resolveConfig(flags, io.env), rest.slice(1), v.out ?? ".");
      throw usageError('Use "images list" or "images download <id>..."');
    case "projects":
      if (sub === "list")
        return cmd.projectsList(io, cmd.resolveConfig(flags, io.env), { archived: v.archived === true });
      throw usageError('Use "projects list"');
    default:
      throw usageError(`Unknown command "${command}"`);
  }
}

const argv = process.argv.slice(2);
run(argv).then(
  () => process.exit(EXIT.ok),
  (err: unknown) => {
    const json = argv.includes("--json");
    const e =
      err instanceof CliError
        ? err
        : new CliError(`Unexpected error: ${(err as Error)?.stack ?? String(err)}`, EXIT.failure);
    if (e.message)
      process.stderr.write(
        json
          ? `${JSON.stringify({ error: { message: e.message, exitCode: e.code, ...e.details } })}\n`
          : `image-studio: ${e.message}\n`,
      );
    process.exit(e.code);
  },
);
