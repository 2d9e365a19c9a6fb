import { useTranslation } from "react-i18next";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { bindingLabel, SHORTCUTS, shortcuts, useBindingsVersion } from "@/lib/shortcuts";
import { shortcutDescription, shortcutGroupLabel } from "@/i18n/labels";

function Keys({ binding }: { binding: string }) {
  const { t } = useTranslation("palette");
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1">
      {bindingLabel(binding).map((k, i) =>
        k === "then" ? (
          <span key={i} className="text-xs text-muted-foreground">
            {t("help.then")}
          </span>
        ) : (
          <kbd key={i} className="min-w-6 rounded-md border border-border bg-muted px-1.5 py-0.5 text-center font-mono text-xs">
            {k}
          </kbd>
        ),
      )}
    </span>
  );
}

/** "?": every shortcut with its current keys, grouped. */
export function HelpOverlay({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation("palette");
  useBindingsVersion();
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[85dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("help.title")}</DialogTitle>
          <DialogDescription>{t("help.description")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-5 sm:grid-cols-2">
          {groups.map((g) => (
            <section key={g} aria-labelledby={`help-${g.replace(/\s+/g, "-")}`}>
              <h3 id={`help-${g.replace(/\s+/g, "-")}`} className="mb-2 text-sm font-semibold">
                {shortcutGroupLabel(t, g)}
              </h3>
              <dl className="grid gap-1.5">
                {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                  <div key={s.id} className="flex items-center justify-between gap-3 text-sm">
                    <dt className="text-muted-foreground">{shortcutDescription(t, s)}</dt>
                    <dd>
                      <Keys binding={shortcuts.bindingOf(s.id)} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
