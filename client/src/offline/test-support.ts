import type { ImageDetail, SharedMark, SharedProjectCopy, SyncMutation, SyncMutationResult, SyncPull, SyncSharedImages, Tombstone } from "@image-studio/shared";
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
    mediaType: "image",
    durationSeconds: null,
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
  /** Projects teammates shared with the user (their images live in `sharedRows`, under the owner's versions). */
  shared = new Map<string, SharedMark & { name: string }>();
  sharedRows = new Map<string, ImageDetail>();
  sharedReads: { projectId: string; after: string | undefined }[] = [];

  share(projectId: string, role: SharedMark["role"], name = "Harbour") {
    this.shared.set(projectId, { ownerId: uuid(7000), ownerName: "Olivia Owner", role, name });
  }

  addSharedImage(id: string, projectId: string, over: Partial<ImageDetail> = {}) {
    const img = makeImage(id, { ...over, projectId, version: ++this.seq });
    this.sharedRows.set(id, img);
    return img;
  }

  editShared(id: string, edit: Partial<ImageDetail>) {
    const img = this.sharedRows.get(id)!;
    this.sharedRows.set(id, { ...img, ...edit, version: ++this.seq });
  }

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
    const shared = this.sharedRows.get(id);
    if (shared) this.sharedRows.set(id, { ...edit(shared), version: ++this.seq });
  }

  /** Like the server: a shared image is editable with the editor role (else it is unknown). */
  private reachable(id: string) {
    const shared = this.sharedRows.get(id);
    if (!shared) return true;
    const mark = shared.projectId ? this.shared.get(shared.projectId) : undefined;
    return !!mark && mark.role !== "viewer";
  }

  private apply(m: SyncMutation): SyncMutationResult {
    const refused = this.refuse.get(m.type);
    if (refused) return { id: m.id, status: refused.status, error: { code: refused.status === "conflict" ? "CONFLICT" : "FORBIDDEN", message: refused.message } };
    switch (m.type) {
      case "image.update":
        if (!this.reachable(m.imageId)) return { id: m.id, status: "rejected", error: { code: "NOT_FOUND", message: "Image not found" } };
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
      ...(rows.length > limit ? {} : { shared: this.sharedList() }),
      cursor: String(last),
      hasMore: rows.length > limit,
    };
  }

  private liveIn(projectId: string) {
    return [...this.sharedRows.values()].filter((i) => i.projectId === projectId && !i.deletedAt);
  }

  private sharedList() {
    return [...this.shared].map(([id, { name, ...mark }]) => {
      const live = this.liveIn(id);
      const project: SharedProjectCopy = {
        id, name, description: "", notes: "", coverImageId: null, effectiveCoverImageId: live[0]?.id ?? null, tags: [], category: null,
        settings: {}, isArchived: false, isTemplate: false, imageCount: live.length, costCredits: 0,
        createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", version: 1, shared: mark,
      };
      return { project, imagesVersion: Math.max(0, ...live.map((i) => i.version)) };
    });
  }

  async sharedImages(projectId: string, after: string | undefined, limit: number): Promise<SyncSharedImages> {
    const err = this.failNext.shift();
    if (err) throw err;
    if (!this.shared.has(projectId)) throw new ApiError(404, "NOT_FOUND", "Project not found");
    this.sharedReads.push({ projectId, after });
    const live = this.liveIn(projectId).sort((a, b) => a.version - b.version);
    const changed = live.filter((i) => i.version > Number(after ?? 0));
    const page = changed.slice(0, limit);
    const hasMore = changed.length > limit;
    return { images: page, imageIds: hasMore ? null : live.map((i) => i.id), cursor: hasMore ? String(page.at(-1)!.version) : String(this.seq), hasMore };
  }

  async fetchEntity(ref: string) {
    const [kind, id] = ref.split(":");
    if (kind === "image") return this.images.get(id!) ?? (this.shared.has(this.sharedRows.get(id!)?.projectId ?? "") ? this.sharedRows.get(id!) : null) ?? null;
    return kind === "job" ? null : undefined;
  }
}

export const networkError = () => new ApiError(0, "NETWORK", "offline");
