import {
  type Duplicates,
  GALLERY_PAGE_DEFAULT,
  type ImageComment,
  type ImageDetail,
  type ImageFacets,
  type ImageList,
  type ImageReviewList,
  type ImageListQueryInput,
  type RelatedImages,
  type TrashSettings,
} from "@image-studio/shared";
import { infiniteQueryOptions, type InfiniteData, type QueryClient, queryOptions } from "@tanstack/react-query";
import { isLocalCursor, localImage, localImagePage, overlayPending } from "@/offline";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";
import { toQueryString } from "../search";

/** Image ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;
const unreachable = (err: unknown) => err instanceof ApiError && err.code === "NETWORK";

/**
 * One page of the gallery, local-first: the server's keyset pages while online (with changes still waiting in
 * the outbox laid over them), the device's copy (offset cursor "local:<n>") offline or when the server is
 * unreachable.
 */
async function listPage(q: ImageListQueryInput, cursor: string | undefined, limit: number, signal: AbortSignal): Promise<ImageList> {
  if (offline() || isLocalCursor(cursor)) return localImagePage(q, cursor, limit);
  try {
    const query = Object.fromEntries(new URLSearchParams(toQueryString({ ...q, cursor, limit })));
    const page: ImageList = await call(rpc.images.index.$get({ query }, { init: { signal } }));
    return { ...page, items: await overlayPending(page.items, q) };
  } catch (err) {
    if (cursor === undefined && unreachable(err)) return localImagePage(q, undefined, limit);
    throw err;
  }
}

/** One image as the server has it (no outbox overlay). */
export const imageById = (id: string, signal?: AbortSignal): Promise<ImageDetail> =>
  call(rpc.images[ID].$get({ param: { id } }, { init: { signal } }));

async function detail(id: string, signal: AbortSignal): Promise<ImageDetail> {
  if (offline()) {
    const local = await localImage(id);
    if (local) return local;
  }
  try {
    const [image] = await overlayPending([await imageById(id, signal)]);
    return image!;
  } catch (err) {
    const local = unreachable(err) ? await localImage(id) : undefined;
    if (local) return local;
    throw err;
  }
}

/** Query keys: everything about images lives under ["images"], so one invalidation can reach it all. */
export const imageKeys = {
  all: ["images"] as const,
  lists: () => ["images", "list"] as const,
  list: (q: ImageListQueryInput) => ["images", "list", q] as const,
  detail: (id: string) => ["images", "detail", id] as const,
  related: (id: string) => ["images", "related", id] as const,
  comments: (id: string) => ["images", "comments", id] as const,
  facets: () => ["images", "facets"] as const,
  duplicates: (threshold: number) => ["images", "duplicates", threshold] as const,
  trashSettings: () => ["images", "trash-settings"] as const,
};

/** Pages of the gallery, walked with the server's keyset cursor. */
export const imageListOptions = (q: ImageListQueryInput, limit = GALLERY_PAGE_DEFAULT) =>
  infiniteQueryOptions({
    queryKey: imageKeys.list(q),
    queryFn: ({ pageParam, signal }) => listPage(q, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    // Pages are never edited in place by a refetch diff worth keeping; deep-comparing 100k images on every
    // appended page would cost more than re-rendering.
    structuralSharing: false,
  });

export const imageDetailOptions = (id: string) =>
  queryOptions({ queryKey: imageKeys.detail(id), queryFn: ({ signal }) => detail(id, signal) });

/**
 * Route loader for a gallery list: with nothing cached yet but images on the device, the first page comes from
 * the device at once (marked stale) and the server's answer replaces it. Online, the server is asked at the same
 * time as the device, not after it: on a first visit the device has nothing, and opening its database (made on
 * that first visit: ≈ 50 ms of main thread in Chromium here) then overlaps the network wait instead of coming
 * before it; when the server answers first, its page is shown and the device's is not. Offline the device's page
 * is the answer (what the query function would read again), so it is kept as fresh and not read twice.
 */
export async function loadImageList(qc: QueryClient, q: ImageListQueryInput, limit = GALLERY_PAGE_DEFAULT) {
  const options = imageListOptions(q, limit);
  if (qc.getQueryData(options.queryKey)) return qc.prefetchInfiniteQuery(options);
  if (offline()) {
    const local = await localImagePage(q, undefined, limit).catch(() => null);
    if (local?.items.length) {
      qc.setQueryData<InfiniteData<ImageList, string | undefined>>(options.queryKey, { pages: [local], pageParams: [undefined] }, { updatedAt: Date.now() });
      return;
    }
    return qc.prefetchInfiniteQuery(options);
  }
  const fromServer = qc.prefetchInfiniteQuery(options);
  const local = await Promise.race([localImagePage(q, undefined, limit).catch(() => null), fromServer.then(() => null)]);
  if (local?.items.length && !qc.getQueryData(options.queryKey)) {
    // Shown now, as stale: the server's page, still on its way, replaces it.
    qc.setQueryData<InfiniteData<ImageList, string | undefined>>(options.queryKey, { pages: [local], pageParams: [undefined] }, { updatedAt: 0 });
    return;
  }
  await fromServer;
}

export const relatedOptions = (id: string) =>
  queryOptions({ queryKey: imageKeys.related(id), queryFn: ({ signal }): Promise<RelatedImages> => call(rpc.images[ID].related.$get({ param: { id } }, { init: { signal } })) });

export const commentsOptions = (id: string) =>
  queryOptions({
    queryKey: imageKeys.comments(id),
    queryFn: async ({ signal }) => (await call(rpc.images[ID].comments.$get({ param: { id } }, { init: { signal } }))).items satisfies ImageComment[],
  });

/** Verdicts given on the image through review share links (owner and the project's team). */
export const reviewsOptions = (id: string) =>
  queryOptions({ queryKey: ["images", "reviews", id] as const, queryFn: ({ signal }): Promise<ImageReviewList> => call(rpc.imageReviews[ID].reviews.$get({ param: { id } }, { init: { signal } })) });

export const facetsOptions = () =>
  queryOptions({ queryKey: imageKeys.facets(), queryFn: ({ signal }): Promise<ImageFacets> => call(rpc.images.facets.$get(undefined, { init: { signal } })), staleTime: 30_000 });

export const duplicatesOptions = (threshold: number) =>
  infiniteQueryOptions({
    queryKey: imageKeys.duplicates(threshold),
    queryFn: ({ pageParam, signal }): Promise<Duplicates> =>
      call(
        rpc.images.duplicates.$get(
          { query: { threshold: String(threshold), limit: "20", ...(pageParam ? { cursor: String(pageParam) } : {}) } },
          { init: { signal } },
        ),
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const trashSettingsOptions = () =>
  queryOptions({ queryKey: imageKeys.trashSettings(), queryFn: ({ signal }): Promise<TrashSettings> => call(rpc.images.trash.settings.$get(undefined, { init: { signal } })) });
