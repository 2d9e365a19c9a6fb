import { imageFileUrl } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LayoutGrid, Sparkles } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { collectionListOptions } from "./api";
import { NewCollectionDialog } from "./components/new-collection-dialog";

/** Collections as cards: cover (chosen or first), name, count, smart badge. */
export function CollectionsPage() {
  const { t } = useTranslation("collections");
  const list = useQuery(collectionListOptions());
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={<NewCollectionDialog />}
      />
      {list.error && (
        <p role="alert" className="text-sm text-destructive-strong">
          {list.error.message}
        </p>
      )}
      {list.data?.length === 0 && (
        <EmptyState
          icon={LayoutGrid}
          title={t("list.emptyTitle")}
          description={t("list.emptyDescription")}
        />
      )}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-4">
        {list.data?.map((c) => (
          <li key={c.id}>
            <Link
              to="/collections/$collectionId"
              params={{ collectionId: c.id }}
              data-testid="collection-card"
              className="block overflow-hidden rounded-xl border border-border bg-card transition-shadow hover:shadow-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <div className="flex aspect-video items-center justify-center bg-muted">
                {c.effectiveCoverImageId ? (
                  <img
                    src={imageFileUrl(c.effectiveCoverImageId, "preview-768")}
                    alt=""
                    loading="lazy"
                    className="size-full object-cover"
                  />
                ) : (
                  <LayoutGrid className="size-10 text-muted-foreground" aria-hidden />
                )}
              </div>
              <div className="space-y-1 p-3">
                <div className="flex items-center gap-2">
                  <h2 className="truncate font-semibold">{c.name}</h2>
                  {c.isSmart && (
                    <Badge variant="primary">
                      <Sparkles className="size-3" /> {t("smart")}
                    </Badge>
                  )}
                </div>
                {!c.isSmart && <p className="text-xs text-muted-foreground">{t("images", { count: c.imageCount })}</p>}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
