import { zodResolver } from "@hookform/resolvers/zod";
import { SHARE_EXPIRY_PRESETS, SHARE_PASSWORD_MAX, SHARE_PASSWORD_MIN, type ShareCreate, type ShareLink, type ShareUpdate } from "@image-studio/shared";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
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

const EXPIRY_LABELS: Record<(typeof EXPIRY_CHOICES)[number], string> = {
  never: "Never",
  "1h": "In 1 hour",
  "1d": "In 1 day",
  "7d": "In 7 days",
  "30d": "In 30 days",
  date: "On a date…",
  keep: "Keep the current expiry",
};
const EXPIRY_CHOICES = ["keep", "never", ...SHARE_EXPIRY_PRESETS, "date"] as const;

/** The dialog's fields; `toCreate`/`toUpdate` turn them into the API's body. */
const optionsSchema = z
  .object({
    usePassword: z.boolean(),
    password: z.string().max(SHARE_PASSWORD_MAX, `Use at most ${SHARE_PASSWORD_MAX} characters`),
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
    if (needsNew && v.password.length < SHARE_PASSWORD_MIN) ctx.addIssue({ code: "custom", path: ["password"], message: `Use at least ${SHARE_PASSWORD_MIN} characters` });
    if (v.expiry === "date") {
      const at = new Date(v.expiresOn);
      if (!v.expiresOn || Number.isNaN(at.getTime())) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Pick a date and time" });
      else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Pick a time in the future" });
    }
  });
export type ShareOptions = z.infer<typeof optionsSchema>;

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
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ShareOptions>({ resolver: zodResolver(optionsSchema), defaultValues: defaults });
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
  return (
    <form onSubmit={submit} noValidate className="grid gap-3">
      {error && <FormAlert>{error}</FormAlert>}
      <Controller
        control={form.control}
        name="usePassword"
        render={({ field }) => (
          <SwitchRow id="share-use-password" label="Require a password" hint="Viewers type it once; it is stored hashed, never in plain text." checked={field.value} onChange={field.onChange} />
        )}
      />
      {usePassword && (
        <FormField id="share-password" label={defaults.hadPassword ? "New password" : "Password"} error={errors.password?.message} hint={defaults.hadPassword ? "Leave empty to keep the current password." : undefined}>
          <PasswordInput autoComplete="new-password" {...fieldA11y("share-password", errors.password?.message, defaults.hadPassword ? "x" : undefined)} {...form.register("password")} />
        </FormField>
      )}
      <FormField id="share-expiry" label="Link expires">
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
                    {EXPIRY_LABELS[c]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      {expiry === "date" && (
        <FormField id="share-expires-on" label="Expiry date and time" error={errors.expiresOn?.message}>
          <Input type="datetime-local" {...fieldA11y("share-expires-on", errors.expiresOn?.message)} {...form.register("expiresOn")} />
        </FormField>
      )}
      <Controller
        control={form.control}
        name="allowDownload"
        render={({ field }) => (
          <SwitchRow id="share-allow-download" label="Allow downloads" hint="Viewers can save the full-size original." checked={field.value} onChange={field.onChange} />
        )}
      />
      <Controller
        control={form.control}
        name="showPrompt"
        render={({ field }) => (
          <SwitchRow id="share-show-prompt" label="Show prompt and settings" hint="Off keeps your prompt, model and parameters private." checked={field.value} onChange={field.onChange} />
        )}
      />
      {defaults.reviewable && (
        <Controller
          control={form.control}
          name="allowReview"
          render={({ field }) => (
            <SwitchRow
              id="share-allow-review"
              label="Collect reviews"
              hint="Viewers can approve each image or request changes with a note; you see every verdict on the image pages."
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
