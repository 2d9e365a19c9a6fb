import { zodResolver } from "@/i18n/zod-resolver";
import { shareUnlockSchema } from "@image-studio/shared";
import { LockKeyhole } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api";
import { unlockShare } from "../api";

/**
 * The password form of a protected link: the password goes to the server once and comes back as a short-lived
 * cookie scoped to this link, so the pictures load without it in any URL.
 */
export function UnlockForm({ token, onUnlocked }: { token: string; onUnlocked: () => void }) {
  const { t } = useTranslation("share");
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof shareUnlockSchema>>({ resolver: zodResolver(shareUnlockSchema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ password }) => {
    setError(null);
    try {
      await unlockShare(token, password);
      onUnlocked();
    } catch (err) {
      if (err instanceof ApiError && err.code === "SHARE_PASSWORD_REQUIRED") form.setError("password", { type: "server", message: t("unlock.wrong") });
      else setError(err instanceof Error ? err.message : t("unlock.failed"));
    }
  });
  const passwordError = errors.password?.message;
  const passwordProps = { ...fieldA11y("share-password", passwordError), ...form.register("password") };
  return (
    <section aria-labelledby="unlock-title" className="mx-auto mt-10 w-full max-w-sm animate-slide-in rounded-2xl border border-border bg-card p-6 shadow-xl sm:p-8">
      <div className="mx-auto mb-4 grid size-14 place-items-center rounded-2xl bg-linear-to-br from-primary/15 to-accent/15 ring-1 ring-primary/25">
        <LockKeyhole className="size-7 text-primary-strong" aria-hidden="true" />
      </div>
      <h1 id="unlock-title" className="text-center text-xl font-bold tracking-tight">
        {t("unlock.title")}
      </h1>
      <p className="mt-1.5 mb-6 text-center text-sm text-muted-foreground">{t("unlock.description")}</p>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        {error && <FormAlert>{error}</FormAlert>}
        <FormField id="share-password" label={t("unlock.password")} error={passwordError}>
          <PasswordInput autoComplete="off" autoFocus {...passwordProps} />
        </FormField>
        <Button type="submit" size="lg" loading={isSubmitting}>
          {t("unlock.submit")}
        </Button>
      </form>
    </section>
  );
}
