import type { ImageDetail, SyncMutation, SyncMutationResult, SyncPull, Tombstone } from "@image-studio/shared";
import { ApiError } from "@/lib/api";
import type { SyncTransport } from "./transport";

/** An in-memory sync server for unit tests: versions from one sequence, idempotent push, paged pull. */

export function makeImage(id: string, over: Partial<ImageDetail> = {}): ImageDetail {
  return {
    id,
    projectId: null,
    prompt: `prompt ${id.slice(0, 4)}`,
    altText: "",
    modelId: "local/sketch-fast",
    width: 256,
    height: 256,
    fileSize: 1000,
    format: "png",
    thumbhash: null,
    isFavorite: false,
    rating: null,
    tags: [],
    parentImageId: null,
    operation: "text-to-image",
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Number.parseInt(id.slice(0, 2), 16))).toISOString(),
    deletedAt: null,
    version: 1,
    negativePrompt: "",
    modelVersion: null,
    parameters: {},
    seed: null,
    generationTime: null,
    costCredits: 0,
    jobId: null,
    notes: "",
    isPublic: false,
    phash: null,
    metadata: {},
    updatedAt: "2026-01-01T00:00:00.000Z",
    projectName: null,
    urls: { original: "", thumb: "", preview: "", download: "" },
    ...over,
  };
}

export const uuid = (n: number) => `${n.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;

export class FakeServer implements SyncTransport {
  seq = 0;
  images = new Map<string, ImageDetail>();
  tombstones: Tombstone[] = [];
  results = new Map<string, SyncMutationResult>();
  pushes: SyncMutation[][] = [];
  pulls: (string | undefined)[] = [];
  jobs: string[] = [];
  /** Failures to throw before answering (transient errors). */
  failNext: Error[] = [];
  /** Mutation types the server refuses, with the message it gives. */
  refuse = new Map<string, { status: "rejected" | "conflict"; message: string }>();

  addImage(id: string, over: Partial<ImageDetail> = {}) {
    const img = makeImage(id, { ...over, version: ++this.seq });
    this.images.set(id, img);
    return img;
  }

  purge(id: string) {
    this.images.delete(id);
    this.tombstones.push({ entity: "image", id, version: ++this.seq });
  }

  private bump(id: string, edit: (i: ImageDetail) => ImageDetail) {
    const img = this.images.get(id);
    if (img) this.images.set(id, { ...edit(img), version: ++this.seq });
  }

  private apply(m: SyncMutation): SyncMutationResult {
    const refused = this.refuse.get(m.type);
    if (refused) return { id: m.id, status: refused.status, error: { code: refused.status === "conflict" ? "CONFLICT" : "FORBIDDEN", message: refused.message } };
    switch (m.type) {
      case "image.update":
        this.bump(m.imageId, (i) => ({
          ...i,
          ...(m.patch.isFavorite !== undefined ? { isFavorite: m.patch.isFavorite } : {}),
          ...(m.patch.rating !== undefined ? { rating: m.patch.rating } : {}),
          tags: [...new Set([...i.tags.filter((t) => !m.patch.tagsRemove?.includes(t)), ...(m.patch.tagsAdd ?? [])])],
        }));
        return { id: m.id, status: "applied", version: this.seq };
      case "image.trash":
        for (const id of m.imageIds) this.bump(id, (i) => ({ ...i, deletedAt: "2026-02-01T00:00:00.000Z" }));
        return { id: m.id, status: "applied" };
      case "generation.enqueue":
        this.jobs.push(m.id);
        return { id: m.id, status: "applied", entityId: uuid(9000 + this.jobs.length) };
      default:
        return { id: m.id, status: "applied" };
    }
  }

  async push(mutations: SyncMutation[]) {
    const err = this.failNext.shift();
    if (err) throw err;
    this.pushes.push(mutations);
    return {
      results: mutations.map((m) => {
        const first = this.results.get(m.id);
        if (first) return first; // a replay answers the first result and changes nothing
        const r = this.apply(m);
        this.results.set(m.id, r);
        return r;
      }),
    };
  }

  async pull(cursor: string | undefined, limit: number): Promise<SyncPull> {
    const err = this.failNext.shift();
    if (err) throw err;
    this.pulls.push(cursor);
    const after = Number(cursor ?? 0);
    const rows = [
      ...[...this.images.values()].map((r) => ({ v: r.version, image: r })),
      ...this.tombstones.map((t) => ({ v: t.version, tomb: t })),
    ]
      .filter((r) => r.v > after)
      .sort((a, b) => a.v - b.v);
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.v ?? after;
    return {
      images: page.flatMap((r) => ("image" in r && r.image ? [r.image] : [])),
      projects: [],
      collections: [],
      prompts: [],
      jobs: [],
      settings: null,
      tombstones: page.flatMap((r) => ("tomb" in r && r.tomb ? [r.tomb] : [])),
      cursor: String(last),
      hasMore: rows.length > limit,
    };
  }

  async fetchEntity(ref: string) {
    const [kind, id] = ref.split(":");
    if (kind === "image") return this.images.get(id!) ?? null;
    return kind === "job" ? null : undefined;
  }
}

export const networkError = () => new ApiError(0, "NETWORK", "offline");
