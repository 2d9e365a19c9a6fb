import { type ReactNode, useId, useState } from "react";
import { ChevronDown } from "@/components/ui/icons";
import { cn } from "@/lib/cn";

const LEGEND = "text-xs font-semibold tracking-wide text-muted-foreground uppercase";

/**
 * One group of filters. A `collapsible` one shows only its title (a disclosure button) until opened, and its
 * controls are not in the page until then — the panel stays beside the wall while you scroll, so every element
 * in it is style work on every frame. A section with a filter set is open (and opens when one is set).
 */
export function FilterSection({ title, children, collapsible = false, active = false }: { title: string; children: ReactNode; collapsible?: boolean; active?: boolean }) {
  const [open, setOpen] = useState(active);
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    // A filter set from elsewhere (a link, the URL, "clear all"): show it.
    setWasActive(active);
    if (active) setOpen(true);
  }
  const id = useId();
  if (!collapsible) {
    return (
      <fieldset className="border-b border-border pb-4 last:border-0">
        <legend className={cn("mb-2", LEGEND)}>{title}</legend>
        {children}
      </fieldset>
    );
  }
  return (
    <fieldset className={cn("border-b border-border last:border-0", open && "pb-4")}>
      <legend className="w-full">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => setOpen((o) => !o)}
          className={cn("-mx-1 flex w-[calc(100%+0.5rem)] items-center justify-between rounded px-1 py-1 pointer-coarse:py-3 transition-colors duration-200 hover:text-foreground", LEGEND, open && "mb-1")}
        >
          {title}
          <ChevronDown className={cn("size-4 transition-transform duration-200 motion-reduce:transition-none", open && "rotate-180")} />
        </button>
      </legend>
      {open && <div id={id}>{children}</div>}
    </fieldset>
  );
}
