import type * as React from "react";
import { Trans, useTranslation } from "react-i18next";
import { Logo } from "@/app/shell/logo";

/** The chrome of a public share page: a slim brand bar, the content, a quiet footer. No account, no app shell. */
export function PublicFrame({ children, badge }: { children: React.ReactNode; badge?: string }) {
  const { t } = useTranslation("share");
  return (
    <div className="relative flex min-h-dvh flex-col bg-background text-foreground">
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-72 overflow-hidden">
        <div className="absolute -top-40 -left-24 size-[26rem] rounded-full bg-primary/10 blur-3xl" />
        <div className="absolute -top-48 right-0 size-[24rem] rounded-full bg-accent/8 blur-3xl" />
      </div>
      <header className="relative z-10 mx-auto flex w-full max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <a href="/" className="flex items-center gap-2 rounded-lg font-semibold focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <Logo className="size-8" />
          <span>{t("frame.brand")}</span>
        </a>
        <span className="rounded-full border border-border bg-card/80 px-3 py-1 text-xs text-muted-foreground">{badge ?? t("frame.badge")}</span>
      </header>
      <main id="main" className="relative z-10 mx-auto w-full max-w-6xl flex-1 px-4 pb-12 sm:px-6">
        {children}
      </main>
      <footer className="relative z-10 border-t border-border px-4 py-6 text-center text-sm text-muted-foreground">
        <Trans
          t={t}
          i18nKey="frame.footer"
          components={{ a: <a href="/" className="font-medium text-primary-strong underline-offset-4 hover:underline" /> }}
        />
      </footer>
    </div>
  );
}
