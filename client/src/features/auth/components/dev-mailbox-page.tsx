import type { DevMail } from "@image-studio/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ExternalLink, Inbox, Mail, RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Logo } from "@/app/shell/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { call, rpc } from "@/lib/rpc";
import { errorReason } from "@/lib/form-errors";

const mailboxQuery = {
  queryKey: ["dev", "mailbox"] as const,
  queryFn: (): Promise<{ items: DevMail[] }> => call(rpc.devMailbox.mailbox.$get({ query: { limit: "100" } })),
  refetchInterval: 4000,
  retry: false,
};

/** Action links in a message (the footer's plain link to the app's home page left out). */
const linksIn = (text: string) =>
  [...new Set((text.match(/https?:\/\/[^\s<>"]+/g) ?? []).map((u) => u.replace(/[).,;:]+$/, "")))].filter((u) => {
    try {
      return new URL(u).pathname !== "/";
    } catch {
      return false;
    }
  });
const time = (iso: string) => formatDateTime(iso, { dateStyle: "medium", timeStyle: "medium" });

/** /dev/mailbox — mail the app would have sent, kept locally because no SMTP server is configured. */
export function DevMailboxPage() {
  const { t } = useTranslation("auth");
  const queryClient = useQueryClient();
  const { data, error, isPending, isFetching, refetch } = useQuery(mailboxQuery);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = data?.items ?? [];
  const selected = items.find((m) => m.id === selectedId) ?? items[0];

  const clear = async () => {
    try {
      await call(rpc.devMailbox.mailbox.$delete({ query: {} }));
      await queryClient.invalidateQueries({ queryKey: mailboxQuery.queryKey });
      toast.success(t("devMailbox.cleared"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("devMailbox.clearFailed"));
    }
  };

  return (
    <div className="min-h-dvh bg-background text-foreground">
      <header className="sticky top-0 z-10 flex h-14 items-center gap-3 border-b border-border bg-background/90 px-4 backdrop-blur">
        <Link to="/dashboard" className="flex items-center gap-2 font-semibold" aria-label={t("brand")}>
          <Logo className="size-7" />
        </Link>
        <h1 className="text-lg font-semibold">{t("devMailbox.title")}</h1>
        <Badge variant="warning" className="hidden sm:inline-flex">
          {t("devMailbox.local")}
        </Badge>
        <div className="ml-auto flex items-center gap-1">
          <Button
            variant="ghost"
            size="icon"
            aria-label={t("devMailbox.refresh")}
            onClick={() => void refetch()}
            loading={isFetching && !isPending}
          >
            <RefreshCw aria-hidden="true" />
          </Button>
          <Button variant="ghost" size="sm" onClick={() => void clear()} disabled={!items.length}>
            <Trash2 aria-hidden="true" /> {t("devMailbox.clear")}
          </Button>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl p-4 md:p-6">
        {error ? (
          <EmptyState
            icon={Mail}
            title={
              errorReason(error) === "DEV_MAILBOX_LOCAL_ONLY"
                ? t("devMailbox.localOnly")
                : error instanceof ApiError && error.status === 404
                  ? t("devMailbox.off")
                  : t("devMailbox.loadFailed")
            }
            description={error.message}
          />
        ) : isPending ? (
          <div className="grid gap-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-16 rounded-xl" />
            ))}
          </div>
        ) : !items.length ? (
          <EmptyState icon={Inbox} title={t("devMailbox.emptyTitle")} description={t("devMailbox.emptyDescription")} />
        ) : (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-[20rem_minmax(0,1fr)]">
            <ul aria-label={t("devMailbox.messages")} className="grid content-start gap-2">
              {items.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    onClick={() => setSelectedId(m.id)}
                    aria-current={m.id === selected?.id ? "true" : undefined}
                    className={cn(
                      "grid w-full cursor-pointer gap-0.5 rounded-xl border border-border px-3 py-2.5 text-left transition-colors duration-200 hover:bg-surface",
                      m.id === selected?.id && "border-primary/40 bg-primary/10",
                    )}
                  >
                    <span className="truncate text-sm font-medium">{m.subject}</span>
                    <span className="truncate text-xs text-muted-foreground">{t("devMailbox.to", { to: m.to })}</span>
                    <span className="text-xs text-muted-foreground">{time(m.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
            {selected && <MessageView mail={selected} />}
          </div>
        )}
      </main>
    </div>
  );
}

function MessageView({ mail }: { mail: DevMail }) {
  const { t } = useTranslation("auth");
  const links = linksIn(mail.text);
  return (
    <article
      aria-label={mail.subject}
      className="grid min-w-0 grid-cols-1 content-start gap-4 rounded-xl border border-border bg-card p-4 shadow-sm"
    >
      <header className="grid gap-1">
        <h2 className="text-lg font-semibold">{mail.subject}</h2>
        <p className="text-sm break-words text-muted-foreground">
          <Trans
            t={t}
            i18nKey="devMailbox.toLine"
            values={{ to: mail.to, time: time(mail.createdAt) }}
            components={{ hl: <span className="font-medium text-foreground" /> }}
          />
        </p>
      </header>
      {links.length > 0 && (
        <nav aria-label={t("devMailbox.links")} className="grid grid-cols-1 gap-2">
          {links.map((href) => (
            <a
              key={href}
              href={href}
              className="flex items-center gap-2 rounded-lg border border-primary/30 bg-primary/10 px-3 py-2 text-sm font-medium text-primary-strong transition-colors duration-200 hover:bg-primary/15"
            >
              <ExternalLink className="size-4 shrink-0" aria-hidden="true" />
              <span className="min-w-0 truncate">{href}</span>
            </a>
          ))}
        </nav>
      )}
      <iframe
        title={t("devMailbox.preview", { subject: mail.subject })}
        srcDoc={mail.html}
        sandbox=""
        className="h-[36rem] w-full rounded-lg border border-border bg-white"
      />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">{t("devMailbox.plainText")}</summary>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-surface p-3 font-mono text-xs whitespace-pre-wrap">
          {mail.text}
        </pre>
      </details>
    </article>
  );
}
