import type { CommunityFavoriteResult, CommunityPage, CommunitySort, PublicProfile, PublicUserPage, PublishResult, UpdatePublicProfile } from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";

/** Image ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

export const communityKeys = {
  all: ["community"] as const,
  feed: (sort: CommunitySort, q: string) => ["community", "feed", sort, q] as const,
  user: (handle: string) => ["community", "user", handle] as const,
  profile: ["community", "profile"] as const,
};

/** Query values as the server takes them: strings, empty ones left out. */
const qs = (p: Record<string, string | undefined>) => Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => !!e[1]));

export const communityFeedOptions = (sort: CommunitySort, q: string) =>
  infiniteQueryOptions({
    queryKey: communityKeys.feed(sort, q),
    queryFn: ({ pageParam }): Promise<CommunityPage> => call(rpc.community.images.$get({ query: qs({ sort, q: q || undefined, cursor: pageParam || undefined, limit: "30" }) })),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const userPageOptions = (handle: string) =>
  infiniteQueryOptions({
    queryKey: communityKeys.user(handle),
    queryFn: ({ pageParam }): Promise<PublicUserPage> =>
      call(rpc.community.users[":handle"].$get({ param: { handle }, query: qs({ cursor: pageParam || undefined, limit: "30" }) })),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2,
  });

export const publicProfileOptions = queryOptions({ queryKey: communityKeys.profile, queryFn: (): Promise<PublicProfile> => call(rpc.publicProfile.index.$get()) });

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

export function useUpdatePublicProfile() {
  const { t } = useTranslation("community");
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePublicProfile): Promise<PublicProfile> => call(rpc.publicProfile.index.$put({ json: body })),
    onSuccess: (p) => {
      qc.setQueryData(communityKeys.profile, p);
      void qc.invalidateQueries({ queryKey: communityKeys.all });
      toast.success(t("profile.saved"));
    },
  });
}

export function usePublish(imageId: string, onDone?: (r: PublishResult) => void) {
  const { t } = useTranslation("community");
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean): Promise<PublishResult> => call(rpc.imagePublish[ID].publish.$post({ param: { id: imageId }, json: { published } })),
    onSuccess: (r) => {
      toast.success(r.isPublic ? t("publish.published") : t("publish.removed"));
      onDone?.(r);
      void qc.invalidateQueries({ queryKey: communityKeys.all });
      void qc.invalidateQueries({ queryKey: ["images"] });
    },
    onError: (err) => toast.error(t("publish.failed"), { description: messageOf(err, t("tryAgain")) }),
  });
}

export function useFavorite() {
  const { t } = useTranslation("community");
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, favorite }: { id: string; favorite: boolean }): Promise<CommunityFavoriteResult> =>
      call(rpc.community.images[ID].favorite.$post({ param: { id }, json: { favorite } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: communityKeys.all }),
    onError: (err) => toast.error(t("favorite.failed"), { description: messageOf(err, t("tryAgain")) }),
  });
}
