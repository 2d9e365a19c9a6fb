import {
  SHARE_KINDS,
  SHARE_TOKEN_PATTERN,
  type ShareCreate,
  type ShareKind,
  type ShareLink,
  type ShareLinkList,
  type ShareUpdate,
  type SharedView,
} from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";

/** Target ids are UUIDs; tokens have their own pattern (SHARE_TOKEN_PATTERN): the routes take them by these. */
const ID = ":id{[0-9a-fA-F-]{36}}";
const TOKEN = `:token{${SHARE_TOKEN_PATTERN}}` as const;

/** Share links: the owner's list and changes (signed in), and the public read of a token (anyone). */

export const shareKeys = {
  all: ["share"] as const,
  list: () => ["share", "list"] as const,
  view: (token: string) => ["share", "view", token] as const,
};

export const shareListOptions = () =>
  queryOptions({
    queryKey: shareKeys.list(),
    queryFn: async ({ signal }): Promise<ShareLinkList["items"]> => (await call(rpc.share.index.$get(undefined, { init: { signal } }))).items,
  });

export const createShare = (kind: ShareKind, targetId: string, body: ShareCreate): Promise<ShareLink> =>
  call(rpc.share[kind][ID].$post({ param: { id: targetId }, json: body }));

export const updateShare = (token: string, body: ShareUpdate): Promise<ShareLink> => call(rpc.share[TOKEN].$patch({ param: { token }, json: body }));

export const revokeShare = (token: string): Promise<ShareLink> => call(rpc.share[TOKEN].$delete({ param: { token } }));

export const unlockShare = (token: string, password: string) =>
  call(rpc.share[TOKEN].unlock.$post({ param: { token }, json: { password } }));

/** The kind the server wrote into the page's head (when it served the page), to ask the right URL first. */
function kindHint(): ShareKind | undefined {
  const v = typeof document === "undefined" ? null : document.querySelector('meta[name="share-kind"]')?.getAttribute("content");
  return SHARE_KINDS.find((k) => k === v);
}

/**
 * The public page knows only the token: ask for it as each kind until one answers (a token under another kind's
 * path is unknown, answered at once without counting a view or a password guess).
 */
export async function fetchSharedView(token: string, signal?: AbortSignal, first = kindHint()): Promise<SharedView> {
  const order = first ? [first, ...SHARE_KINDS.filter((k) => k !== first)] : [...SHARE_KINDS];
  let last: unknown;
  for (const kind of order) {
    try {
      const view: SharedView = await call(rpc.share[kind][TOKEN].$get({ param: { token } }, { init: { signal } }));
      return view;
    } catch (err) {
      last = err;
      if (!(err instanceof ApiError) || err.code !== "NOT_FOUND") throw err;
    }
  }
  throw last;
}

export const sharedViewOptions = (token: string) =>
  queryOptions({
    queryKey: shareKeys.view(token),
    queryFn: ({ signal }) => fetchSharedView(token, signal),
    retry: false,
    staleTime: 60_000,
  });
