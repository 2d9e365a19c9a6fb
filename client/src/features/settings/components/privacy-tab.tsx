import { DEFAULT_SHARE_DEFAULTS, DOWNLOAD_METADATA_KEY, SHARE_DEFAULT_EXPIRIES, type ShareDefaults, shareDefaultsSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fieldClasses } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/cn";
import { userSettingsQuery, useUpdateSettings } from "../api/user-settings";
import { DataSection, RetentionSection } from "./data-sections";
import { Field, SettingsSection } from "./section";

const EXPIRY_LABELS = {
  never: "privacy.expiry.never",
  "1h": "privacy.expiry.h1",
  "1d": "privacy.expiry.d1",
  "7d": "privacy.expiry.d7",
  "30d": "privacy.expiry.d30",
} as const satisfies Record<(typeof SHARE_DEFAULT_EXPIRIES)[number], string>;

/** Settings → Privacy: sharing defaults, metadata in downloads, export/import and automatic clean-up. */
export function PrivacyTab() {
  const { t } = useTranslation("settings");
  const settings = useQuery(userSettingsQuery);
  const save = useUpdateSettings(t("privacy.saved"));
  const stored = shareDefaultsSchema.safeParse(settings.data?.settings?.shareDefaults);
  const share: ShareDefaults = stored.success ? stored.data : DEFAULT_SHARE_DEFAULTS;
  const setShare = (patch: Partial<ShareDefaults>) => save.mutate({ settings: { shareDefaults: { ...share, ...patch } } });
  const keepMeta = settings.data?.settings?.[DOWNLOAD_METADATA_KEY] !== false;
  const disabled = !settings.data || save.isPending;
  return (
    <div className="grid max-w-3xl gap-6">
      <SettingsSection id="share-defaults" title={t("privacy.shareTitle")} description={t("privacy.shareDescription")}>
        <Field id="share-password" label={t("privacy.password")} hint={t("privacy.passwordHint")}>
          <Switch id="share-password" checked={share.password} disabled={disabled} onCheckedChange={(v) => setShare({ password: v })} aria-describedby="share-password-hint" />
        </Field>
        <Field id="share-expiry" label={t("privacy.expires")}>
          <select id="share-expiry" className={cn(fieldClasses, "h-10 w-full max-w-sm pointer-coarse:h-11")} value={share.expiry} disabled={disabled} onChange={(e) => setShare({ expiry: e.target.value as ShareDefaults["expiry"] })}>
            {SHARE_DEFAULT_EXPIRIES.map((p) => (
              <option key={p} value={p}>
                {t(EXPIRY_LABELS[p])}
              </option>
            ))}
          </select>
        </Field>
        <Field id="share-download" label={t("privacy.download")} hint={t("privacy.downloadHint")}>
          <Switch id="share-download" checked={share.allowDownload} disabled={disabled} onCheckedChange={(v) => setShare({ allowDownload: v })} aria-describedby="share-download-hint" />
        </Field>
        <Field id="share-prompt" label={t("privacy.prompt")} hint={t("privacy.promptHint")}>
          <Switch id="share-prompt" checked={share.showPrompt} disabled={disabled} onCheckedChange={(v) => setShare({ showPrompt: v })} aria-describedby="share-prompt-hint" />
        </Field>
      </SettingsSection>
      <SettingsSection id="download-metadata" title={t("privacy.downloadsTitle")}>
        <Field id="keep-metadata" label={t("privacy.keepMeta")} hint={t("privacy.keepMetaHint")}>
          <Switch
            id="keep-metadata"
            checked={keepMeta}
            disabled={disabled}
            onCheckedChange={(v) => save.mutate({ settings: { [DOWNLOAD_METADATA_KEY]: v ? null : false } })}
            aria-describedby="keep-metadata-hint"
          />
        </Field>
      </SettingsSection>
      <DataSection />
      <RetentionSection />
    </div>
  );
}
