import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudOff, Link2Off, TimerOff } from "lucide-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "@/app/page-title";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { shareKeys, sharedViewOptions } from "../api";
import { PublicFrame } from "./public-frame";
import { SharedGalleryView, SharedImageView } from "./shared-views";
import { UnlockForm } from "./unlock-form";

function Loading() {
  const { t } = useTranslation("share");
  return (
    <div aria-busy="true" aria-label={t("page.loading")} className="grid gap-6 pt-2 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Skeleton className="aspect-[4/3] rounded-2xl" />
      <div className="space-y-3">
        <Skeleton className="h-8 w-3/4" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-32" />
      </div>
    </div>
  );
}

function Problem({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation("share");
  const api = error instanceof ApiError ? error : null;
  if (api?.code === "GONE") {
    const revoked = (api.details as { reason?: string } | undefined)?.reason === "revoked";
    return (
      <EmptyState
        className="mt-10"
        headingLevel={2}
        icon={revoked ? Link2Off : TimerOff}
        title={revoked ? t("page.revoked") : t("page.expired")}
        description={revoked ? t("page.revokedHint") : t("page.expiredHint")}
      />
    );
  }
  if (api?.code === "NETWORK") {
    return (
      <EmptyState
        className="mt-10"
        icon={CloudOff}
        title={t("page.offline")}
        description={t("page.offlineHint")}
        action={<Button onClick={retry}>{t("page.retry")}</Button>}
      />
    );
  }
  if (api?.code === "NOT_FOUND") {
    return <EmptyState className="mt-10" icon={Link2Off} title={t("page.notFound")} description={t("page.notFoundHint")} />;
  }
  return (
    <EmptyState
      className="mt-10"
      icon={CloudOff}
      title={t("page.failed")}
      description={error instanceof Error ? error.message : t("page.failedHint")}
      action={<Button onClick={retry}>{t("page.retry")}</Button>}
    />
  );
}

/** `/s/:token`: a read-only page anyone with the link can open — one image, or a gallery for a project or collection. */
export function SharePage({ token }: { token: string }) {
  const qc = useQueryClient();
  const q = useQuery(sharedViewOptions(token));
  const retry = () => void qc.invalidateQueries({ queryKey: shareKeys.view(token) });
  const title = q.data?.title;
  useEffect(() => {
    if (title) document.title = pageTitle(title);
  }, [title]);
  let body;
  if (q.data) body = q.data.kind === "image" ? <SharedImageView view={q.data} /> : <SharedGalleryView view={q.data} token={token} />;
  else if (q.error instanceof ApiError && q.error.code === "SHARE_PASSWORD_REQUIRED") body = <UnlockForm token={token} onUnlocked={retry} />;
  else if (q.error) body = <Problem error={q.error} retry={retry} />;
  else body = <Loading />;
  return <PublicFrame>{body}</PublicFrame>;
}
