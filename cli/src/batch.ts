import { readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Batch, BatchPreview } from "@image-studio/shared";
import { BATCH_LIMITS, BATCH_PRIORITIES } from "@image-studio/shared/batch-constants";
import { Api } from "./api";
import type { Config } from "./config";
import { CliError, EXIT, usageError } from "./errors";
import { type Io, download, print } from "./io";

export interface BatchFlags {
  model?: string;
  aspectRatio?: string;
  n?: number;
  name?: string;
  priority?: string;
  out: string;
  wait: boolean;
  dryRun: boolean;
  zip: boolean;
}

const FINISHED = new Set<Batch["status"]>(["completed", "failed", "cancelled"]);

/** The CSV's text, refused before anything is sent when it is missing, a folder or too big. */
function readCsv(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw usageError(`"${file}" is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usageError(`Can't read "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > BATCH_LIMITS.csvMaxBytes)
    throw usageError(
      `"${file}" is ${Math.ceil(size / 1024)} KB; a batch CSV can be at most ${BATCH_LIMITS.csvMaxBytes / 1024} KB`,
    );
  return readFileSync(file, "utf8");
}

function planText(p: BatchPreview): string {
  const lines = [
    `${p.total} jobs, ${p.images} images, ${p.estimatedCredits} credits (balance ${p.balance})` +
      (p.etaSeconds !== null ? `, about ${formatSeconds(p.etaSeconds)}` : ""),
  ];
  for (const i of p.items)
    lines.push(`  #${i.index + 1}  ${i.modelId}  seed ${i.seed ?? "random"}  ${i.prompt.slice(0, 70)}`);
  if (p.total > p.items.length) lines.push(`  … and ${p.total - p.items.length} more`);
  return lines.join("\n");
}

const formatSeconds = (s: number) => (s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);

async function follow(io: Io, api: Api, id: string): Promise<Batch> {
  for (;;) {
    const b = await api.json<Batch>(`/api/generate/batch/${id}`);
    const done = b.completed + b.failed + b.cancelled;
    const eta = b.etaSeconds !== null && !FINISHED.has(b.status) ? `, ~${formatSeconds(b.etaSeconds)} left` : "";
    io.progress.update(
      b.total ? done / b.total : 1,
      `${done}/${b.total} ${b.status}${b.failed ? `, ${b.failed} failed` : ""}${eta}`,
    );
    if (FINISHED.has(b.status)) {
      io.progress.done();
      return b;
    }
    await new Promise((r) => setTimeout(r, io.pollMs));
  }
}

/**
 * `image-studio batch <file.csv>`: the server checks every row first (the same rules as the batch page); a CSV
 * with errors is refused row by row before anything runs. Then the batch is queued, followed, and its images
 * downloaded (one by one, or as the server's ZIP with the metadata files).
 */
export async function batch(io: Io, cfg: Config, file: string, f: BatchFlags) {
  if (f.priority !== undefined && !(BATCH_PRIORITIES as readonly string[]).includes(f.priority))
    throw usageError(`--priority must be one of ${BATCH_PRIORITIES.join(", ")}`);
  const api = new Api(cfg);
  const modelId =
    f.model ?? (await api.json<{ items: { id: string }[] }>("/api/models/featured").then((m) => m.items[0]?.id));
  if (!modelId) throw new CliError("No model given and the server lists none; pass --model <id> (see /api/models).");
  const parameters: Record<string, unknown> = {};
  if (f.aspectRatio) parameters.aspectRatio = f.aspectRatio;
  if (f.n !== undefined) parameters.numImages = f.n;
  const body = {
    csv: readCsv(file),
    modelId,
    parameters,
    name: f.name ?? path.basename(file).replace(/\.csv$/i, ""),
    priority: f.priority ?? "normal",
  };

  const plan = await api.json<BatchPreview>("/api/generate/batch/preview", { body });
  if (plan.errors.length) {
    const rows = plan.errors.map((e) => `  row ${e.row}, ${e.column}: ${e.message}`).join("\n");
    throw new CliError(
      `The CSV has ${plan.errors.length} problem${plan.errors.length === 1 ? "" : "s"}; nothing was queued:\n${rows}`,
      EXIT.usage,
      {
        rows: plan.errors,
      },
    );
  }
  if (f.dryRun) return print(io, plan, () => planText(plan));
  if (!plan.affordable)
    throw new CliError(
      `This batch needs ${plan.estimatedCredits} credits and you have ${plan.balance}.`,
      EXIT.failure,
      {
        needed: plan.estimatedCredits,
        balance: plan.balance,
      },
    );

  const created = await api.json<{ id: string; total: number; estimatedCredits: number }>("/api/generate/batch", {
    body,
  });
  if (!f.wait)
    return print(
      io,
      created,
      () => `Queued batch ${created.id}: ${created.total} jobs, ${created.estimatedCredits} credits held.`,
    );
  const done = await follow(io, api, created.id);

  let files: { id: string; path: string }[] = [];
  let zip: string | undefined;
  if (done.imageIds.length && f.zip) {
    const archive = await api.file(`/api/generate/batch/${done.id}/export`);
    mkdirSync(f.out, { recursive: true });
    zip = path.join(f.out, archive.filename ? path.basename(archive.filename) : `batch-${done.id}.zip`);
    writeFileSync(zip, archive.data);
  } else {
    for (const id of done.imageIds) {
      io.progress.update(files.length / done.imageIds.length, "downloading");
      files = [...files, { id, path: await download(api, id, f.out) }];
    }
    io.progress.done();
  }
  const result = {
    batchId: done.id,
    status: done.status,
    total: done.total,
    completed: done.completed,
    failed: done.failed,
    images: files,
    zip,
  };
  print(io, result, () =>
    [
      ...(zip ? [zip] : files.map((x) => x.path)),
      `Batch ${done.status}: ${done.completed} of ${done.total} jobs done${done.failed ? `, ${done.failed} failed` : ""}.`,
    ].join("\n"),
  );
  if (done.failed || done.status !== "completed")
    throw new CliError(
      done.failed
        ? `${done.failed} job${done.failed === 1 ? "" : "s"} failed; retry them with the batch page or POST /api/generate/batch/${done.id}/retry-failed`
        : `The batch was ${done.status}`,
      EXIT.jobFailed,
      { batchId: done.id },
    );
}
