import { zodResolver } from "@/i18n/zod-resolver";
import { SHARE_EXPIRY_PRESETS, SHARE_PASSWORD_MAX, SHARE_PASSWORD_MIN, type ShareCreate, type ShareLink, type ShareUpdate } from "@image-studio/shared";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormAlert } from "@/components/form/form-alert";
import { fieldA11y, FormField } from "@/components/form/form-field";
import { PasswordInput } from "@/components/form/password-input";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { applyServerErrors } from "@/lib/form-errors";

const EXPIRY_LABELS = {
  never: "options.expiry.never",
  "1h": "options.expiry.1h",
  "1d": "options.expiry.1d",
  "7d": "options.expiry.7d",
  "30d": "options.expiry.30d",
  date: "options.expiry.date",
  keep: "options.expiry.keep",
} as const satisfies Record<(typeof EXPIRY_CHOICES)[number], string>;
const EXPIRY_CHOICES = ["keep", "never", ...SHARE_EXPIRY_PRESETS, "date"] as const;

/** The dialog's fields (messages in the app's language); `toCreate`/`toUpdate` turn them into the API's body. */
const optionsSchema = (t: TFunction<"share">) =>
  z
    .object({
      usePassword: z.boolean(),
      password: z.string().max(SHARE_PASSWORD_MAX, t("options.errors.passwordMax", { max: SHARE_PASSWORD_MAX })),
      expiry: z.enum(EXPIRY_CHOICES),
      expiresOn: z.string(),
      allowDownload: z.boolean(),
      showPrompt: z.boolean(),
      /** Project and collection links: reviewers approve or request changes per image. */
      allowReview: z.boolean(),
      /** The link's kind can carry review (project, collection). */
      reviewable: z.boolean(),
      /** Edit mode: the link already has a password (an empty field keeps it). */
      hadPassword: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const needsNew = v.usePassword && (!v.hadPassword || v.password.length > 0);
      if (needsNew && v.password.length < SHARE_PASSWORD_MIN) ctx.addIssue({ code: "custom", path: ["password"], message: t("options.errors.passwordMin", { min: SHARE_PASSWORD_MIN }) });
      if (v.expiry === "date") {
        const at = new Date(v.expiresOn);
        if (!v.expiresOn || Number.isNaN(at.getTime())) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: t("options.errors.pickDate") });
        else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: t("options.errors.future") });
      }
    });
export type ShareOptions = z.infer<ReturnType<typeof optionsSchema>>;

function expiryBody(v: ShareOptions): Pick<ShareCreate, "expiresAt" | "expiresIn"> {
  if (v.expiry === "keep") return {};
  if (v.expiry === "never") return { expiresAt: null };
  if (v.expiry === "date") return { expiresAt: new Date(v.expiresOn).toISOString() };
  return { expiresIn: v.expiry };
}

export function toCreate(v: ShareOptions): ShareCreate {
  return {
    ...expiryBody(v),
    allowDownload: v.allowDownload,
    showPrompt: v.showPrompt,
    ...(v.reviewable && v.allowReview ? { allowReview: true } : {}),
    ...(v.usePassword ? { password: v.password } : {}),
  };
}

export function toUpdate(v: ShareOptions): ShareUpdate {
  const password = !v.usePassword ? (v.hadPassword ? null : undefined) : v.password ? v.password : undefined;
  return {
    ...expiryBody(v),
    allowDownload: v.allowDownload,
    showPrompt: v.showPrompt,
    ...(v.reviewable ? { allowReview: v.allowReview } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

export const newLinkDefaults: ShareOptions = {
  usePassword: false,
  password: "",
  expiry: "never",
  expiresOn: "",
  allowDownload: true,
  showPrompt: true,
  allowReview: false,
  reviewable: false,
  hadPassword: false,
};

export const editDefaults = (l: ShareLink): ShareOptions => ({
  usePassword: l.hasPassword,
  password: "",
  expiry: "keep",
  expiresOn: "",
  allowDownload: l.allowDownload,
  showPrompt: l.showPrompt,
  allowReview: l.allowReview,
  reviewable: l.kind !== "image",
  hadPassword: l.hasPassword,
});

function SwitchRow({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="flex items-start justify-between gap-4 rounded-xl border border-border p-3">
      <div className="grid gap-0.5">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
      <Switch id={id} checked={checked} onCheckedChange={onChange} aria-describedby={`${id}-hint`} />
    </div>
  );
}

/** Password, expiry, downloads, prompt and review: the options of a link, for a new one or an existing one. */
export function ShareOptionsForm({
  defaults,
  mode,
  submitLabel,
  onSubmit,
}: {
  defaults: ShareOptions;
  mode: "create" | "edit";
  submitLabel: string;
  onSubmit: (v: ShareOptions) => Promise<unknown>;
}) {
  const { t } = useTranslation("share");
  const [error, setError] = useState<string | null>(null);
  const schema = useMemo(() => optionsSchema(t), [t]);
  const form = useForm<ShareOptions>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const usePassword = useWatch({ control: form.control, name: "usePassword" });
  const expiry = useWatch({ control: form.control, name: "expiry" });
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await onSubmit(v);
    } catch (err) {
      const message = applyServerErrors(err, form.setError, ["password"]);
      if (message) setError(message);
    }
  });
  const choices = EXPIRY_CHOICES.filter((c) => mode === "edit" || c !== "keep");
  // The fields' ids and registrations (outside the JSX, where literals are text for people).
  const passwordProps = usePassword
    ? { ...fieldA11y("share-password", errors.password?.message, defaults.hadPassword ? "x" : undefined), ...form.register("password") }
    : null;
  const expiresOnProps = expiry === "date" ? { ...fieldA11y("share-expires-on", errors.expiresOn?.message), ...form.register("expiresOn") } : null;
  return (
    <form onSubmit={submit} noValidate className="grid gap-3">
      {error && <FormAlert>{error}</FormAlert>}
      <Controller
        control={form.control}
        name="usePassword"
        render={({ field }) => (
          <SwitchRow id="share-use-password" label={t("options.usePassword")} hint={t("options.usePasswordHint")} checked={field.value} onChange={field.onChange} />
        )}
      />
      {passwordProps && (
        <FormField id="share-password" label={defaults.hadPassword ? t("options.newPassword") : t("options.password")} error={errors.password?.message} hint={defaults.hadPassword ? t("options.keepPassword") : undefined}>
          <PasswordInput autoComplete="new-password" {...passwordProps} />
        </FormField>
      )}
      <FormField id="share-expiry" label={t("options.expires")}>
        <Controller
          control={form.control}
          name="expiry"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger id="share-expiry" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {choices.map((c) => (
                  <SelectItem key={c} value={c}>
                    {t(EXPIRY_LABELS[c])}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      {expiresOnProps && (
        <FormField id="share-expires-on" label={t("options.expiresOn")} error={errors.expiresOn?.message}>
          <Input type="datetime-local" {...expiresOnProps} />
        </FormField>
      )}
      <Controller
        control={form.control}
        name="allowDownload"
        render={({ field }) => (
          <SwitchRow id="share-allow-download" label={t("options.allowDownload")} hint={t("options.allowDownloadHint")} checked={field.value} onChange={field.onChange} />
        )}
      />
      <Controller
        control={form.control}
        name="showPrompt"
        render={({ field }) => (
          <SwitchRow id="share-show-prompt" label={t("options.showPrompt")} hint={t("options.showPromptHint")} checked={field.value} onChange={field.onChange} />
        )}
      />
      {defaults.reviewable && (
        <Controller
          control={form.control}
          name="allowReview"
          render={({ field }) => (
            <SwitchRow
              id="share-allow-review"
              label={t("options.allowReview")}
              hint={t("options.allowReviewHint")}
              checked={field.value}
              onChange={field.onChange}
            />
          )}
        />
      )}
      <Button type="submit" loading={isSubmitting} className="mt-1">
        {submitLabel}
      </Button>
    </form>
  );
}
