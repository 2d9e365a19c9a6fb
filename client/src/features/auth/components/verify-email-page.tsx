import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleCheck, MailCheck, TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { Trans, useTranslation } from "react-i18next";
import { DevMailboxHint } from "@/components/dev-mail-banner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api";
import { errorReason } from "@/lib/form-errors";
import { authConfigQuery, refreshSession } from "@/lib/session";
import { verifyEmail } from "../api/auth";
import { AuthLayout } from "./auth-layout";
import { ResendVerification } from "./resend-verification";

/** /verify-email — with ?token= it confirms the address; without, it's the "check your inbox" page. */
export function VerifyEmailPage({ token, email }: { token?: string; email?: string }) {
  return token ? <ConfirmToken token={token} /> : <CheckInbox email={email} />;
}

function StatusIcon({ tone }: { tone: "ok" | "warn" | "mail" }) {
  const Icon = tone === "ok" ? CircleCheck : tone === "warn" ? TriangleAlert : MailCheck;
  const color =
    tone === "ok"
      ? "text-success-strong bg-success/15 ring-success/25"
      : tone === "warn"
        ? "text-warning-strong bg-warning/15 ring-warning/25"
        : "text-primary-strong bg-primary/15 ring-primary/25";
  return (
    <div className={`mx-auto mb-5 grid size-14 place-items-center rounded-2xl ring-1 ${color}`}>
      <Icon className="size-7" aria-hidden="true" />
    </div>
  );
}

function ConfirmToken({ token }: { token: string }) {
  const { t } = useTranslation("auth");
  const queryClient = useQueryClient();
  // A query (not an effect) so the one-time token is sent once, even under StrictMode's double render.
  const result = useQuery({
    queryKey: ["auth", "verify-email", token],
    queryFn: () => verifyEmail(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  useEffect(() => {
    if (result.isSuccess) void refreshSession(queryClient);
  }, [result.isSuccess, queryClient]);

  if (result.isPending) {
    return (
      <AuthLayout title={t("verify.confirming")}>
        <div className="flex justify-center py-6">
          <Spinner className="size-8 text-primary-strong" label={t("verify.confirmingLabel")} />
        </div>
      </AuthLayout>
    );
  }
  if (result.isSuccess) {
    return (
      <AuthLayout
        title={t("verify.confirmedTitle")}
        description={t("verify.confirmedDescription", { name: result.data.user.name.split(" ")[0] })}
      >
        <StatusIcon tone="ok" />
        <Button asChild size="lg" className="w-full">
          <Link to="/dashboard">{t("verify.continue")}</Link>
        </Button>
      </AuthLayout>
    );
  }
  const err = result.error;
  if (err instanceof ApiError && errorReason(err) === "ALREADY_VERIFIED") {
    return (
      <AuthLayout title={t("verify.alreadyTitle")} description={t("verify.alreadyDescription")}>
        <StatusIcon tone="ok" />
        <Button asChild size="lg" className="w-full">
          <Link to="/sign-in">{t("verify.signIn")}</Link>
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title={t("verify.failedTitle")}
      description={err instanceof Error ? err.message : t("verify.failedDescription")}
    >
      <StatusIcon tone="warn" />
      <p className="mb-4 text-center text-sm text-muted-foreground">{t("verify.freshLink")}</p>
      <ResendVerification />
    </AuthLayout>
  );
}

function CheckInbox({ email }: { email?: string }) {
  const { t } = useTranslation("auth");
  const { data: config } = useQuery(authConfigQuery);
  return (
    <AuthLayout
      title={t("verify.checkTitle")}
      description={
        email ? (
          <Trans
            t={t}
            i18nKey="verify.sentTo"
            values={{ email }}
            components={{ hl: <span className="font-medium text-foreground" /> }}
          />
        ) : (
          t("verify.sent")
        )
      }
      footer={
        <Link to="/sign-in" className="font-medium text-primary-strong hover:underline">
          {t("backToSignIn")}
        </Link>
      }
    >
      <StatusIcon tone="mail" />
      {config?.devMailbox && (
        <>
          <Button asChild variant="secondary" size="lg" className="mb-2 w-full">
            <Link to="/dev/mailbox">{t("verify.devMailbox")}</Link>
          </Button>
          <DevMailboxHint className="mb-4 text-center" />
        </>
      )}
      <p className="mb-3 text-center text-sm text-muted-foreground">{t("verify.nothing")}</p>
      <ResendVerification email={email} />
    </AuthLayout>
  );
}
