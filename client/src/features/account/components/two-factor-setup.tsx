import { zodResolver } from "@/i18n/zod-resolver";
import { totpFormSchema } from "@image-studio/shared";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/form-errors";
import { confirmTwoFactor, startTwoFactor } from "../api/account";
import { BackupCodes } from "./backup-codes";
import { PasswordPrompt } from "./password-prompt";

type Step =
  | { kind: "password" }
  | { kind: "scan"; totpURI: string; backupCodes: string[] }
  | { kind: "codes"; backupCodes: string[] };

const secretOf = (uri: string) => new URL(uri).searchParams.get("secret") ?? "";

/** Password → scan the QR code (or type the key) → confirm a code → save the backup codes. */
export function TwoFactorSetup({ onEnabled, onDone }: { onEnabled: () => Promise<void>; onDone: () => void }) {
  const { t } = useTranslation("account");
  const [step, setStep] = useState<Step>({ kind: "password" });

  if (step.kind === "password") {
    return (
      <>
        <DialogHeader>
          <DialogTitle>{t("twoFactorSetup.title")}</DialogTitle>
          <DialogDescription>{t("twoFactorSetup.step1")}</DialogDescription>
        </DialogHeader>
        <PasswordPrompt
          submitLabel={t("twoFactorSetup.continue")}
          onSubmit={async (password) => {
            const res = await startTwoFactor(password);
            if (res.method !== "totp") throw new Error(t("twoFactorSetup.notTotp"));
            setStep({ kind: "scan", totpURI: res.totpURI, backupCodes: res.backupCodes });
          }}
        />
      </>
    );
  }
  if (step.kind === "scan") {
    return (
      <>
        <DialogHeader>
          <DialogTitle>{t("twoFactorSetup.scanTitle")}</DialogTitle>
          <DialogDescription>{t("twoFactorSetup.step2")}</DialogDescription>
        </DialogHeader>
        <ScanStep
          totpURI={step.totpURI}
          onConfirmed={async () => {
            await onEnabled();
            setStep({ kind: "codes", backupCodes: step.backupCodes });
          }}
        />
      </>
    );
  }
  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("twoFactorSetup.codesTitle")}</DialogTitle>
        <DialogDescription>{t("twoFactorSetup.step3")}</DialogDescription>
      </DialogHeader>
      <BackupCodes codes={step.backupCodes} onDone={onDone} />
    </>
  );
}

function ScanStep({ totpURI, onConfirmed }: { totpURI: string; onConfirmed: () => Promise<void> }) {
  const { t } = useTranslation("account");
  const secret = secretOf(totpURI);
  const form = useForm<z.input<typeof totpFormSchema>>({
    resolver: zodResolver(totpFormSchema),
    defaultValues: { code: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const setupCodeA11y = fieldA11y("setup-code", errors.code?.message);
  const codeField = form.register("code");
  const submit = form.handleSubmit(async ({ code }) => {
    try {
      await confirmTwoFactor(code.trim());
      await onConfirmed();
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["code"]);
      if (message) form.setError("code", { type: "server", message });
      form.setFocus("code");
    }
  });
  return (
    <div className="grid gap-4">
      <div className="mx-auto rounded-xl bg-white p-3 shadow-sm ring-1 ring-border">
        <QRCodeSVG value={totpURI} size={176} level="M" title={t("twoFactorSetup.qrTitle")} />
      </div>
      <div className="grid gap-1 text-center">
        <p className="text-xs text-muted-foreground">{t("twoFactorSetup.cantScan")}</p>
        <code
          data-testid="totp-secret"
          className="rounded-md bg-surface px-2 py-1 font-mono text-sm tracking-wider break-all select-all"
        >
          {secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </div>
      <form onSubmit={submit} noValidate className="grid gap-3">
        <FormField id="setup-code" label={t("twoFactorSetup.codeLabel")} error={errors.code?.message}>
          <Input
            {...setupCodeA11y}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            className="text-center font-mono text-lg tracking-[0.3em]"
            autoFocus
            {...codeField}
          />
        </FormField>
        <Button type="submit" loading={isSubmitting}>
          {t("twoFactorSetup.turnOn")}
        </Button>
      </form>
    </div>
  );
}
