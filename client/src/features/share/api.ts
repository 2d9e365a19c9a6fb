import {
  SHARE_KINDS,
  type ShareCreate,
  type ShareKind,
  type ShareLink,
  type ShareLinkList,
  type ShareUpdate,
  type SharedView,
  sharedViewUrl,
} from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/api";

/** Share links: the owner's list and changes (signed in), and the public read of a token (anyone). */

export const shareKeys = {
  all: ["share"] as const,
  list: () => ["share", "list"] as const,
  view: (token: string) => ["share", "view", token] as const,
};

export const shareListOptions = () =>
  queryOptions({
    queryKey: shareKeys.list(),
    queryFn: async ({ signal }) => (await api<ShareLinkList>("/api/share", { signal })).items,
  });

export const createShare = (kind: ShareKind, targetId: string, body: ShareCreate) =>
  api<ShareLink>(`/api/share/${kind}/${targetId}`, { method: "POST", body });

export const updateShare = (token: string, body: ShareUpdate) => api<ShareLink>(`/api/share/${token}`, { method: "PATCH", body });

export const revokeShare = (token: string) => api<ShareLink>(`/api/share/${token}`, { method: "DELETE" });

export const unlockShare = (token: string, password: string) =>
  api<{ unlocked: true; kind: ShareKind }>(`/api/share/${token}/unlock`, { method: "POST", body: { password } });

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
      return await api<SharedView>(sharedViewUrl(kind, token), { signal, credentials: "same-origin" });
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
