import { DEFAULT_SHARE_DEFAULTS, DOWNLOAD_METADATA_KEY, SHARE_DEFAULT_EXPIRIES, type ShareDefaults, shareDefaultsSchema } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { fieldClasses } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/cn";
import { userSettingsQuery, useUpdateSettings } from "../api/user-settings";
import { DataSection, RetentionSection } from "./data-sections";
import { Field, SettingsSection } from "./section";

const EXPIRY_LABELS: Record<(typeof SHARE_DEFAULT_EXPIRIES)[number], string> = { never: "Never", "1h": "After 1 hour", "1d": "After 1 day", "7d": "After 7 days", "30d": "After 30 days" };

/** Settings → Privacy: sharing defaults, metadata in downloads, export/import and automatic clean-up. */
export function PrivacyTab() {
  const settings = useQuery(userSettingsQuery);
  const save = useUpdateSettings("Privacy settings saved");
  const stored = shareDefaultsSchema.safeParse(settings.data?.settings?.shareDefaults);
  const share: ShareDefaults = stored.success ? stored.data : DEFAULT_SHARE_DEFAULTS;
  const setShare = (patch: Partial<ShareDefaults>) => save.mutate({ settings: { shareDefaults: { ...share, ...patch } } });
  const keepMeta = settings.data?.settings?.[DOWNLOAD_METADATA_KEY] !== false;
  const disabled = !settings.data || save.isPending;
  return (
    <div className="grid max-w-3xl gap-6">
      <SettingsSection id="share-defaults" title="Sharing defaults" description="What a new share link starts with. You can still change each link as you create it.">
        <Field id="share-password" label="Ask for a password" hint="New links start with a password field.">
          <Switch id="share-password" checked={share.password} disabled={disabled} onCheckedChange={(v) => setShare({ password: v })} aria-describedby="share-password-hint" />
        </Field>
        <Field id="share-expiry" label="Links expire">
          <select id="share-expiry" className={cn(fieldClasses, "h-10 w-full max-w-sm pointer-coarse:h-11")} value={share.expiry} disabled={disabled} onChange={(e) => setShare({ expiry: e.target.value as ShareDefaults["expiry"] })}>
            {SHARE_DEFAULT_EXPIRIES.map((p) => (
              <option key={p} value={p}>
                {EXPIRY_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="share-download" label="Allow downloads" hint="Visitors can download the originals.">
          <Switch id="share-download" checked={share.allowDownload} disabled={disabled} onCheckedChange={(v) => setShare({ allowDownload: v })} aria-describedby="share-download-hint" />
        </Field>
        <Field id="share-prompt" label="Show prompts" hint="Visitors see the prompt and settings of each image.">
          <Switch id="share-prompt" checked={share.showPrompt} disabled={disabled} onCheckedChange={(v) => setShare({ showPrompt: v })} aria-describedby="share-prompt-hint" />
        </Field>
      </SettingsSection>
      <SettingsSection id="download-metadata" title="Downloads">
        <Field id="keep-metadata" label="Keep metadata in downloads" hint="When off, downloaded files carry no embedded prompt, parameters, EXIF or XMP — the pixels are unchanged.">
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
