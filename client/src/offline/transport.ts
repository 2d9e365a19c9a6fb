import type { CollectionDetail, ImageDetail, Project, SyncCollection, SyncMutation, SyncPull, SyncPush, SyncSharedImages } from "@image-studio/shared";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";

/** Entity ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

/** How the engine talks to the server; tests pass a fake. */
export interface SyncTransport {
  push(mutations: SyncMutation[]): Promise<SyncPush>;
  pull(cursor: string | undefined, limit: number): Promise<SyncPull>;
  /** A project shared with the user: its live images changed after `after`, and on the last page the ids of all. */
  sharedImages(projectId: string, after: string | undefined, limit: number): Promise<SyncSharedImages>;
  /** The server's current row of one entity ("image:<id>"…), null when it is gone, undefined when unknown. */
  fetchEntity(ref: string): Promise<unknown>;
}

const toSyncCollection = ({ images, ...c }: CollectionDetail): SyncCollection => ({
  ...c,
  items: c.isSmart ? [] : images.map((i) => ({ imageId: i.id, position: i.position ?? "" })),
});

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export const httpTransport: SyncTransport = {
  push: (mutations): Promise<SyncPush> => call(rpc.sync.push.$post({ json: { mutations } })),
  pull: (cursor, limit): Promise<SyncPull> => call(rpc.sync.pull.$get({ query: { limit: String(limit), ...(cursor ? { cursor } : {}) } })),
  sharedImages: (projectId, after, limit): Promise<SyncSharedImages> =>
    call(rpc.sync.shared[ID].$get({ param: { id: projectId }, query: { limit: String(limit), ...(after ? { after } : {}) } })),
  async fetchEntity(ref) {
    const [kind, id] = ref.split(":") as [string, string];
    switch (kind) {
      case "image":
        return orNull<ImageDetail>(call(rpc.images[ID].$get({ param: { id } })));
      case "project":
        return orNull<Project>(call(rpc.projects[ID].$get({ param: { id } })));
      case "collection": {
        const c = await orNull<CollectionDetail>(call(rpc.collections[ID].$get({ param: { id } })));
        return c && toSyncCollection(c);
      }
      case "job":
        return null; // a refused offline generation: the placeholder goes
      default:
        return undefined; // no single-entity endpoint (prompts): a full re-pull settles it
    }
  },
};

/** Worth retrying later: offline, timeouts, server errors, rate limits. */
export const isTransient = (err: unknown) =>
  !(err instanceof ApiError) || err.code === "NETWORK" || err.status >= 500 || err.status === 408 || err.status === 429;
