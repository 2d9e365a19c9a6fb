import type { PromptHistoryEntry, PromptStats, PublicPrompt } from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { formatNumber, i18n } from "@/i18n";
import { call, rpc } from "@/lib/rpc";

/** Prompt ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

/** Online views of the library: keep-rates, the generation history's prompts and the community list. */

export const promptStatsQuery = queryOptions({
  queryKey: ["prompts", "stats"],
  queryFn: async () => {
    const { items }: { items: PromptStats[] } = await call(rpc.prompts.stats.$get());
    return new Map(items.map((s) => [s.promptId, s]));
  },
  staleTime: 60_000,
});

export const promptHistoryQuery = (q: string) =>
  queryOptions({
    queryKey: ["prompts", "history", q],
    queryFn: async (): Promise<PromptHistoryEntry[]> => (await call(rpc.prompts.history.$get({ query: { limit: "100", ...(q ? { q } : {}) } }))).items,
    staleTime: 30_000,
  });

export const communityQuery = (input: { q: string; sort: "recent" | "popular"; category: string }) =>
  infiniteQueryOptions({
    queryKey: ["prompts", "community", input],
    initialPageParam: "",
    queryFn: ({ pageParam }): Promise<{ items: PublicPrompt[]; nextCursor: string | null }> =>
      call(
        rpc.prompts.public.$get({
          query: {
            sort: input.sort,
            limit: "24",
            ...(input.q ? { q: input.q } : {}),
            ...(input.category ? { category: input.category } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Stars someone else's published prompt (the new star count), or favourites one of your own (no count). */
export const starPrompt = (id: string, favorite: boolean): Promise<{ id: string; isFavorite: boolean; stars?: number }> =>
  call(rpc.prompts[ID].favorite.$post({ param: { id }, json: { favorite } }));

export const copyPrompt = (id: string): Promise<{ id: string; title: string }> =>
  call(rpc.prompts[ID].copy.$post({ param: { id }, json: { id: crypto.randomUUID() } }));

export const keepRateLabel = (s: { images: number; kept: number; keepRate: number | null }) =>
  s.keepRate === null
    ? i18n.t("prompts:keepRate.none")
    : i18n.t("prompts:keepRate.kept", { count: s.images, percent: formatNumber(s.keepRate, { style: "percent", maximumFractionDigits: 0 }) });
