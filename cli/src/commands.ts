import type { ImageSummary, Job, JobStatusView, Project } from "@image-studio/shared";
import { Api } from "./api";
import { type Config, removeConfig, resolveConfig, writeConfig } from "./config";
import { CliError, EXIT, usageError } from "./errors";
import { type Io, download, print } from "./io";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function login(io: Io, flags: { url?: string; key?: string }) {
  const url = (
    flags.url ??
    io.env.IMAGE_STUDIO_URL ??
    (await io.ask("Image Studio URL (e.g. http://localhost:3000): "))
  )
    .trim()
    .replace(/\/+$/, "");
  const key = (flags.key ?? io.env.IMAGE_STUDIO_API_KEY ?? (await io.ask("API key (Settings → API keys): "))).trim();
  if (!/^https?:\/\/[^/]+/.test(url)) throw usageError(`"${url}" is not an http(s) URL`);
  if (!key.startsWith("is_live_"))
    throw usageError("That does not look like an Image Studio API key (they start with is_live_)");
  const api = new Api({ url, key });
  // A read-only call proves the key works; a key without the read scope still signs in (403 is not 401).
  try {
    await api.json("/api/usage/storage");
  } catch (err) {
    if (!(err instanceof CliError && err.details?.reason === "API_KEY_SCOPE_MISSING")) throw err;
  }
  const file = writeConfig({ url, key }, io.env);
  print(io, { url, config: file }, () => `Signed in to ${url}. Saved to ${file} (readable only by you).`);
}

export function logout(io: Io) {
  const removed = removeConfig(io.env);
  print(io, { removed }, () =>
    removed ? "Signed out: the saved key was removed from this computer." : "Nothing to sign out of.",
  );
}

async function waitForJob(io: Io, api: Api, job: Job): Promise<JobStatusView> {
  for (;;) {
    const s = await api.json<JobStatusView>(`/api/generate/queue/${job.id}/status`);
    const label = s.status === "pending" ? `queued${s.queuePosition ? ` (#${s.queuePosition})` : ""}` : s.status;
    io.progress.update(s.status === "completed" ? 1 : s.progress, label);
    if (s.status === "completed") return s;
    if (s.status === "failed" || s.status === "cancelled") {
      io.progress.done();
      throw new CliError(`The job ${s.status}: ${s.errorMessage ?? "no reason given"}`, EXIT.jobFailed, {
        jobId: job.id,
      });
    }
    await new Promise((r) => setTimeout(r, io.pollMs));
  }
}

export interface GenerateFlags {
  model?: string;
  aspectRatio?: string;
  n?: number;
  seed?: number;
  negative?: string;
  out: string;
  wait: boolean;
}

export async function generate(io: Io, cfg: Config, prompt: string, f: GenerateFlags) {
  const api = new Api(cfg);
  const parameters: Record<string, unknown> = {};
  if (f.aspectRatio) parameters.aspectRatio = f.aspectRatio;
  if (f.n !== undefined) parameters.numImages = f.n;
  if (f.seed !== undefined) parameters.seed = f.seed;
  const modelId =
    f.model ??
    (await api
      .json<{ items: { id: string; isDefault?: boolean }[] }>("/api/models/featured")
      .then((m) => m.items[0]?.id));
  if (!modelId) throw new CliError("No model given and the server lists none; pass --model <id> (see /api/models).");
  const job = await api.json<Job>("/api/generate/text-to-image", {
    body: { prompt, negativePrompt: f.negative ?? "", modelId, parameters },
  });
  if (!f.wait) return print(io, { job }, () => `Queued job ${job.id}.`);
  const done = await waitForJob(io, api, job);
  io.progress.update(1, "downloading");
  const files: { id: string; path: string }[] = [];
  for (const id of done.imageIds) files.push({ id, path: await download(api, id, f.out) });
  io.progress.done();
  print(io, { jobId: job.id, modelId, images: files }, () => files.map((x) => x.path).join("\n"));
}

export async function imagesList(
  io: Io,
  cfg: Config,
  f: { limit: number; project?: string; query?: string; favorite?: boolean },
) {
  const q = new URLSearchParams({ limit: String(f.limit) });
  if (f.project) q.set("projectId", f.project);
  if (f.query) q.set("q", f.query);
  if (f.favorite) q.set("favorite", "true");
  const page = await new Api(cfg).json<{ items: ImageSummary[]; nextCursor: string | null }>(`/api/images?${q}`);
  print(io, page, () =>
    page.items.length
      ? page.items
          .map(
            (i) =>
              `${i.id}  ${i.width}×${i.height}  ${i.createdAt.slice(0, 19).replace("T", " ")}  ${i.modelId}  ${i.prompt.slice(0, 60)}`,
          )
          .join("\n")
      : "No images.",
  );
}

export async function imagesDownload(io: Io, cfg: Config, ids: string[], out: string) {
  if (!ids.length) throw usageError("Name at least one image id");
  const bad = ids.find((id) => !UUID.test(id));
  if (bad) throw usageError(`"${bad}" is not an image id`);
  const api = new Api(cfg);
  const files: { id: string; path: string }[] = [];
  for (const id of ids) files.push({ id, path: await download(api, id, out) });
  print(io, { images: files }, () => files.map((x) => x.path).join("\n"));
}

export async function projectsList(io: Io, cfg: Config, f: { archived: boolean }) {
  const list = await new Api(cfg).json<{ items: Project[] }>(`/api/projects${f.archived ? "?archived=all" : ""}`);
  print(io, list, () =>
    list.items.length
      ? list.items
          .map(
            (p) =>
              `${p.id}  ${String(p.imageCount).padStart(5)} images  ${p.name}${p.isArchived ? "  (archived)" : ""}`,
          )
          .join("\n")
      : "No projects.",
  );
}

export { resolveConfig };
export type { Io };
export { batch } from "./batch";
