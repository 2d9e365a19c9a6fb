import { useQuery } from "@tanstack/react-query";
import { CloudOff, RefreshCw } from "lucide-react";
import { type ComponentType, useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { sessionQuery } from "@/lib/session";
import { dashboardQuery, lastDashboard } from "../api";
import { ActivityFeed } from "./activity-feed";
import { ImageStrip } from "./image-strip";
import { ModelStatus } from "./model-status";
import { CHECKLIST_STEP, Onboarding } from "./onboarding";
import { OverviewCards } from "./overview-cards";
import { ago, Panel } from "./panel";
import { QuickActions } from "./quick-actions";
import { QuickGenerate } from "./quick-generate";
import { RecentProjects } from "./recent-projects";

export type DashboardChart = ComponentType<{ days: { date: string; images: number; credits: number }[] }>;

/** Ticks once a minute, so "updated 3 minutes ago" stays true. */
function useMinute() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function Loading() {
  const { t } = useTranslation("dashboard");
  return (
    <div aria-busy="true" className="grid gap-4">
      <span className="sr-only">{t("page.loading")}</span>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-40 rounded-xl" />
      <Skeleton className="h-64 rounded-xl" />
    </div>
  );
}

/**
 * The home screen: overview, quick generate, recent work, usage, model status, favourites, projects and
 * activity. It opens at once with the device's last copy of the figures (and says how old they are), then
 * refreshes from the server when it can.
 */
export function DashboardPage({ Chart }: { Chart: DashboardChart }) {
  const { t } = useTranslation("dashboard");
  const session = useQuery(sessionQuery);
  const user = session.data?.user;
  const userId = user?.id ?? "";
  const kept = userId ? lastDashboard(userId) : null;
  const q = useQuery({
    ...dashboardQuery(userId),
    enabled: !!userId,
    ...(kept ? { initialData: kept, initialDataUpdatedAt: new Date(kept.savedAt).getTime() } : {}),
  });
  const now = useMinute();
  const data = q.data;
  const showChecklist = !!user && !user.onboardingState?.[CHECKLIST_STEP];
  const firstName = user?.name?.split(" ")[0];
  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={firstName ? t("page.welcomeBack", { name: firstName }) : undefined}
        actions={<QuickActions />}
      />
      {data && (
        <p role="status" className="-mt-4 mb-4 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          {data.cached ? <CloudOff className="size-3.5" aria-hidden="true" /> : null}
          <span>
            <Trans
              t={t}
              i18nKey={data.cached ? "page.offlineFrom" : "page.updated"}
              values={{ ago: ago(data.savedAt, now) }}
              components={{ time: <time dateTime={data.savedAt} /> }}
            />
          </span>
          {q.isFetching ? (
            <span>{t("page.refreshing")}</span>
          ) : (
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => void q.refetch()}>
              <RefreshCw className="size-3" aria-hidden="true" />
              {t("page.refresh")}
            </Button>
          )}
        </p>
      )}
      {!data && q.isError && (
        <p role="alert" className="mb-4 text-sm text-destructive-strong">
          {q.error.message}
        </p>
      )}
      {!data ? (
        !q.isError && <Loading />
      ) : (
        <div className="grid gap-4">
          {showChecklist && <Onboarding images={data.stats.images} projects={data.stats.projects} />}
          <OverviewCards stats={data.stats} />
          <div className="grid gap-4 lg:grid-cols-3">
            <Panel title={t("panels.quickGenerate")} className="lg:col-span-2">
              <QuickGenerate />
            </Panel>
            <Panel title={t("panels.modelStatus")}>
              <ModelStatus models={data.models} />
            </Panel>
          </div>
          <Panel title={t("panels.recent")} to="/gallery" linkLabel={t("panels.allImages")}>
            <ImageStrip images={data.recent} layout="strip" empty={t("panels.recentEmpty")} />
          </Panel>
          <div className="grid gap-4 lg:grid-cols-3">
            <Panel title={t("panels.usage")} to="/usage" linkLabel={t("panels.usageDetails")} className="lg:col-span-2">
              <Chart days={data.daily} />
            </Panel>
            <Panel title={t("panels.activity")}>
              <ActivityFeed items={data.activity} now={now} />
            </Panel>
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Panel title={t("panels.favourites")} to="/favorites">
              <ImageStrip images={data.favorites} layout="grid" empty={t("panels.favouritesEmpty")} />
            </Panel>
            <Panel title={t("panels.projects")} to="/projects">
              <RecentProjects projects={data.projects} />
            </Panel>
          </div>
        </div>
      )}
    </>
  );
}
