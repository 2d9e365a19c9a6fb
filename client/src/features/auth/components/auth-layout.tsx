import { Link } from "@tanstack/react-router";
import type * as React from "react";
import { useTranslation } from "react-i18next";
import { Logo } from "@/app/shell/logo";
import { DevMailBanner } from "@/components/dev-mail-banner";

interface AuthLayoutProps {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  /** Under the card (e.g. "No account yet? Sign up"). */
  footer?: React.ReactNode;
}

/** The signed-out pages: a centred card on a soft violet→pink backdrop, no app chrome. */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  const { t } = useTranslation("auth");
  return (
    <div className="relative flex min-h-dvh flex-col overflow-hidden bg-background text-foreground">
      <div aria-hidden="true" className="pointer-events-none absolute inset-0 -z-0">
        <div className="absolute -top-40 -left-32 size-[28rem] rounded-full bg-primary/20 blur-3xl motion-safe:animate-fade-in" />
        <div className="absolute -right-32 -bottom-40 size-[28rem] rounded-full bg-accent/20 blur-3xl motion-safe:animate-fade-in" />
      </div>
      <DevMailBanner className="relative z-10" />
      <main id="main" className="relative z-10 flex flex-1 flex-col items-center justify-center px-4 py-10">
        <Link
          to="/dashboard"
          className="mb-6 flex items-center gap-2 rounded-lg text-lg font-semibold"
          aria-label={t("brand")}
        >
          <Logo className="size-9" />
          <span>{t("brand")}</span>
        </Link>
        <div className="w-full max-w-md animate-slide-in rounded-2xl border border-border bg-card/95 p-6 text-card-foreground shadow-xl backdrop-blur sm:p-8">
          <div className="mb-6 grid gap-1.5 text-center">
            <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
            {description && <p className="text-sm text-pretty text-muted-foreground">{description}</p>}
          </div>
          {children}
        </div>
        {footer && <div className="mt-6 text-center text-sm text-muted-foreground">{footer}</div>}
      </main>
    </div>
  );
}

/** "or" between the password form and the provider buttons. */
export function OrDivider() {
  const { t } = useTranslation("auth");
  return (
    <div className="my-5 flex items-center gap-3 text-xs text-muted-foreground uppercase" aria-hidden="true">
      <span className="h-px flex-1 bg-border" />
      {t("or")}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}
