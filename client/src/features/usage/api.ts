import type {
  CheckoutSession,
  CostComparison,
  CreditHistoryPage,
  CreditKind,
  CreditLimits,
  CreditLimitsInput,
  CreditOffers,
  CreditPackId,
  RedeemResult,
  UsageByModel,
  UsageByProject,
  UsageDay,
  UsageMonth,
  UsageStats,
  UsageTip,
} from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

export const usageKeys = {
  all: ["usage"] as const,
  credits: ["credits"] as const,
};

/** A query whose data is the shared contract `T`: the typed call must produce it, so a drifting server fails here. */
const q = <T>(key: readonly unknown[], fetch: () => Promise<T>, staleTime = 30_000) =>
  queryOptions({ queryKey: key, queryFn: fetch, staleTime });

export const statsQuery = q<UsageStats>([...usageKeys.all, "stats"], () => call(rpc.usage.stats.$get()));
export const dailyQuery = (days: number) =>
  q<{ items: UsageDay[] }>([...usageKeys.all, "daily", days], () =>
    call(rpc.usage.daily.$get({ query: { days: String(days) } })),
  );
export const monthlyQuery = (months: number) =>
  q<{ items: UsageMonth[] }>([...usageKeys.all, "monthly", months], () =>
    call(rpc.usage.monthly.$get({ query: { months: String(months) } })),
  );
export const byModelQuery = q<{ items: UsageByModel[] }>([...usageKeys.all, "by-model"], () =>
  call(rpc.usage["by-model"].$get()),
);
export const byProjectQuery = q<{ items: UsageByProject[] }>([...usageKeys.all, "by-project"], () =>
  call(rpc.usage["by-project"].$get()),
);
export const compareQuery = q<CostComparison>(
  [...usageKeys.all, "compare"],
  () => call(rpc.usage.compare.$get()),
  5 * 60_000,
);
export const tipsQuery = q<{ items: UsageTip[] }>(
  [...usageKeys.all, "tips"],
  () => call(rpc.usage.tips.$get()),
  5 * 60_000,
);
export const limitsQuery = q<CreditLimits>([...usageKeys.credits, "limits"], () => call(rpc.credits.limits.$get()));
export const offersQuery = q<CreditOffers>(
  [...usageKeys.credits, "offers"],
  () => call(rpc.credits.offers.$get()),
  60 * 60_000,
);

export interface HistoryFilter {
  kind?: CreditKind;
  from?: string;
  to?: string;
}

export function filterParams(f: HistoryFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.kind) p.set("kind", f.kind);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  return p;
}

export const historyQuery = (f: HistoryFilter) =>
  infiniteQueryOptions({
    queryKey: [...usageKeys.credits, "history", f],
    queryFn: ({ pageParam }): Promise<CreditHistoryPage> =>
      call(
        rpc.credits.history.$get({
          query: { ...Object.fromEntries(filterParams(f)), limit: "50", ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const csvUrl = (f: HistoryFilter) => {
  const p = filterParams(f).toString();
  return `/api/credits/history.csv${p ? `?${p}` : ""}`;
};

export const saveLimits = (input: CreditLimitsInput): Promise<CreditLimits> =>
  call(rpc.credits.limits.$put({ json: input }));
export const redeemCode = (code: string): Promise<RedeemResult> => call(rpc.credits.redeem.$post({ json: { code } }));
export const startCheckout = (pack: CreditPackId): Promise<CheckoutSession> =>
  call(rpc.credits.checkout.$post({ json: { pack } }));
