import { BookOpen, CloudOff, Terminal } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { ApiKeysCard } from "./api-keys-card";
import { DevSection, useOffline } from "./shared";
import { WebhooksCard } from "./webhooks-card";

/** Settings → API keys: keys, webhook endpoints, and where the reference and the CLI are. */
export function DeveloperTab() {
  const { t } = useTranslation("developer");
  const offline = useOffline();
  return (
    <div className="grid gap-6">
      {offline && (
        <p
          role="status"
          className="flex items-center gap-2 rounded-xl border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
        >
          <CloudOff className="size-4" aria-hidden="true" /> {t("tab.offline")}
        </p>
      )}
      <ApiKeysCard offline={offline} />
      <WebhooksCard offline={offline} />
      <DevSection id="api-docs" title={t("tab.reference.title")} description={t("tab.reference.description")}>
        <ul className="grid gap-3 text-sm">
          <li className="flex items-start gap-2">
            <BookOpen className="mt-0.5 size-4 shrink-0 text-primary-strong" aria-hidden="true" />
            <span>
              <Trans
                t={t}
                i18nKey="tab.reference.links"
                components={{
                  docs: (
                    <a
                      className="font-medium text-primary-strong underline-offset-4 hover:underline"
                      href="/api/docs"
                      target="_blank"
                      rel="noreferrer"
                    />
                  ),
                  openapi: <a className="text-primary-strong underline-offset-4 hover:underline" href="/api/openapi.json" />,
                }}
              />
            </span>
          </li>
          <li className="flex items-start gap-2">
            <Terminal className="mt-0.5 size-4 shrink-0 text-primary-strong" aria-hidden="true" />
            <code className="break-all rounded-lg bg-muted px-2 py-1 font-mono text-xs">
              {`image-studio login --url ${typeof window !== "undefined" ? window.location.origin : ""} --key is_live_…`}
            </code>
          </li>
        </ul>
      </DevSection>
    </div>
  );
}
