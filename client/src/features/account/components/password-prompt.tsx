import { zodResolver } from "@/i18n/zod-resolver";
import { enableTwoFactorFormSchema } from "@image-studio/shared";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { errorReason } from "@/lib/form-errors";

type Values = z.input<typeof enableTwoFactorFormSchema>;

/** "Enter your password to continue" — for sensitive changes; the server's refusal shows under the field. */
export function PasswordPrompt({
  submitLabel,
  destructive,
  onSubmit,
}: {
  submitLabel: string;
  destructive?: boolean;
  onSubmit: (password: string) => Promise<void>;
}) {
  const { t } = useTranslation("account");
  const form = useForm<Values>({ resolver: zodResolver(enableTwoFactorFormSchema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;
  const confirmWithPasswordA11y = fieldA11y("confirm-with-password", errors.password?.message);
  const passwordField = form.register("password");
  const submit = form.handleSubmit(async ({ password }) => {
    try {
      await onSubmit(password);
    } catch (err) {
      const message =
        errorReason(err) === "INVALID_PASSWORD"
          ? t("passwordPrompt.wrong")
          : err instanceof Error
            ? err.message
            : t("passwordPrompt.failed");
      form.setError("password", { type: "server", message });
      form.setFocus("password");
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField id="confirm-with-password" label={t("passwordPrompt.label")} error={errors.password?.message}>
        <PasswordInput {...confirmWithPasswordA11y} autoComplete="current-password" autoFocus {...passwordField} />
      </FormField>
      <Button type="submit" variant={destructive ? "destructive" : "default"} loading={isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
