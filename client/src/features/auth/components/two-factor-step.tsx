import { zodResolver } from "@/i18n/zod-resolver";
import { backupCodeFormSchema, totpFormSchema } from "@image-studio/shared";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { applyServerErrors, errorReason } from "@/lib/form-errors";
import { verifyBackupCode, verifyTotp } from "../api/auth";

type Values = z.input<typeof totpFormSchema>;

interface StepProps {
  onDone: () => Promise<void>;
  onCancel: () => void;
}

/** The second sign-in step: a code from the authenticator app, or one of the backup codes. */
export function TwoFactorStep(props: StepProps) {
  const [useBackup, setUseBackup] = useState(false);
  return (
    <CodeForm
      key={useBackup ? "backup" : "totp"}
      {...props}
      useBackup={useBackup}
      onToggle={() => setUseBackup((v) => !v)}
    />
  );
}

function CodeForm({ onDone, onCancel, useBackup, onToggle }: StepProps & { useBackup: boolean; onToggle: () => void }) {
  const { t } = useTranslation("auth");
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(useBackup ? backupCodeFormSchema : totpFormSchema),
    defaultValues: { code: "", trustDevice: false },
  });
  const { errors, isSubmitting } = form.formState;
  const codeA11y = fieldA11y("code", errors.code?.message, "hint");
  const codeField = form.register("code");

  const onSubmit = form.handleSubmit(async ({ code, trustDevice }) => {
    setFormError(null);
    try {
      await (useBackup
        ? verifyBackupCode(code.trim(), trustDevice ?? false)
        : verifyTotp(code.trim(), trustDevice ?? false));
      await onDone();
    } catch (err) {
      const reason = errorReason(err);
      if (reason === "INVALID_TWO_FACTOR_COOKIE" || reason === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") {
        setFormError(err instanceof Error ? err.message : t("twoFactor.signInAgain"));
        return;
      }
      const message = applyServerErrors(err, form.setError, ["code"]);
      if (message) form.setError("code", { type: "server", message });
      form.setFocus("code");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError && (
        <FormAlert>
          {formError}{" "}
          <button
            type="button"
            className="cursor-pointer font-medium text-primary-strong underline underline-offset-4"
            onClick={onCancel}
          >
            {t("backToSignIn")}
          </button>
        </FormAlert>
      )}
      <FormField
        id="code"
        label={useBackup ? t("twoFactor.backupLabel") : t("twoFactor.codeLabel")}
        error={errors.code?.message}
        hint={useBackup ? t("twoFactor.backupHint") : t("twoFactor.codeHint")}
      >
        <Input
          {...codeA11y}
          autoComplete="one-time-code"
          inputMode={useBackup ? "text" : "numeric"}
          autoFocus
          placeholder={useBackup ? t("twoFactor.backupPlaceholder") : t("twoFactor.codePlaceholder")}
          maxLength={useBackup ? 32 : 6}
          className="text-center font-mono text-lg tracking-[0.3em]"
          {...codeField}
        />
      </FormField>
      <div className="flex items-center gap-2">
        <Controller
          control={form.control}
          name="trustDevice"
          render={({ field }) => (
            <Checkbox
              id="trust-device"
              checked={field.value ?? false}
              onCheckedChange={(v) => field.onChange(v === true)}
            />
          )}
        />
        <Label htmlFor="trust-device" className="font-normal">
          {t("twoFactor.trust")}
        </Label>
      </div>
      <Button type="submit" size="lg" loading={isSubmitting}>
        {t("twoFactor.submit")}
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <button
          type="button"
          className="cursor-pointer font-medium text-primary-strong hover:underline"
          onClick={onToggle}
        >
          {useBackup ? t("twoFactor.useApp") : t("twoFactor.useBackup")}
        </button>
        <button
          type="button"
          className="cursor-pointer text-muted-foreground hover:text-foreground hover:underline"
          onClick={onCancel}
        >
          {t("twoFactor.cancel")}
        </button>
      </div>
    </form>
  );
}
