import { imageFileUrl, SEARCH_TYPES, type SearchHit } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Clock, CornerDownLeft, Search, X } from "lucide-react";
import { useId, useMemo, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { useShortcut } from "@/lib/shortcuts";
import { searchQuery } from "../api/search";
import { fieldLabel, hitLink, TYPE_LABELS } from "../hits";
import { forgetSearches, recentSearches, rememberSearch } from "../recent";
import { useDebounced } from "./use-debounced";

type Option = { kind: "recent"; q: string } | { kind: "hit"; hit: SearchHit } | { kind: "all"; q: string };

const optionLabel = (o: Option) => (o.kind === "hit" ? o.hit.title : o.q);

/**
 * The top bar's search: a combobox with suggestions as you type (3 per kind), recent searches when empty, Enter for
 * the results page. Arrow keys move through the suggestions, Escape closes them; "/" focuses it from anywhere.
 */
export function SearchBox({ className }: { className?: string }) {
  const { t } = useTranslation("search");
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [activeRaw, setActive] = useState(-1);
  const [recent, setRecent] = useState<string[]>(recentSearches);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const q = useDebounced(value.trim());
  const results = useQuery({ ...searchQuery({ q, limit: 3 }), enabled: open && q.length > 0 });
  useShortcut("search", () => {
    input.current?.focus();
    input.current?.select();
  });

  const options: Option[] = useMemo(() => {
    if (!value.trim()) return recent.map((r) => ({ kind: "recent" as const, q: r }));
    const hits = results.data ? SEARCH_TYPES.flatMap((type) => results.data[type].map((hit) => ({ kind: "hit" as const, hit }))) : [];
    return [...hits, { kind: "all" as const, q: value.trim() }];
  }, [value, recent, results.data]);

  const active = activeRaw < options.length ? activeRaw : -1;
  const go = (o: Option) => {
    setOpen(false);
    if (o.kind === "hit") {
      rememberSearch(value);
      setRecent(recentSearches());
      const l = hitLink(o.hit);
      void navigate({ to: l.to, params: l.params } as never);
      return;
    }
    rememberSearch(o.q);
    setRecent(recentSearches());
    setValue(o.q);
    void navigate({ to: "/search", search: { q: o.q } });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const n = options.length;
      if (n) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active >= 0 && options[active]) go(options[active]!);
      else if (value.trim()) go({ kind: "all", q: value.trim() });
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else input.current?.blur();
    }
  };

  const showList = open && options.length > 0;
  return (
    <form role="search" className={cn("relative", className)} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="global-search" className="sr-only">
        {t("box.label")}
      </label>
      <div className="relative w-full">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <input
          ref={input}
          id="global-search"
          type="search"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          placeholder={t("box.placeholder")}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="h-9 pointer-coarse:h-11 w-full rounded-lg border border-border bg-surface pl-9 pr-14 text-sm outline-none transition-shadow duration-200 placeholder:text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-search-cancel-button]:hidden"
        />
        {!value && <kbd className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-border px-1.5 font-mono text-[11px] text-muted-foreground lg:block" aria-hidden="true">
          /
        </kbd>}
      </div>
      <div
        hidden={!showList}
        className="absolute inset-x-0 top-full z-50 mt-1 max-h-[70vh] overflow-y-auto rounded-xl border border-border bg-popover p-1 text-popover-foreground shadow-lg"
        onMouseDown={(e) => e.preventDefault()}
      >
        {!value.trim() && recent.length > 0 && (
          <div className="flex items-center justify-between px-2 py-1 text-xs text-muted-foreground">
            <span>{t("box.recent")}</span>
            <button
              type="button"
              tabIndex={-1}
              className="rounded px-1 hover:text-foreground"
              onClick={() => {
                forgetSearches();
                setRecent([]);
              }}
            >
              {t("box.clearRecent")}
            </button>
          </div>
        )}
        <div id={listId} role="listbox" aria-label={t("box.suggestions")}>
          {options.map((o, i) => {
            const prev = options[i - 1];
            const heading = o.kind === "hit" && !(prev?.kind === "hit" && prev.hit.type === o.hit.type) ? t(`types.${o.hit.type}.label`) : null;
            const Icon = o.kind === "recent" ? Clock : o.kind === "all" ? CornerDownLeft : TYPE_LABELS[o.hit.type].icon;
            return (
              <div key={`${o.kind}-${o.kind === "hit" ? o.hit.id : o.q}`} role="presentation">
                {heading && (
                  <div className="px-2 pb-1 pt-2 text-xs font-medium text-muted-foreground" role="presentation" aria-hidden="true">
                    {heading}
                  </div>
                )}
                <div
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onClick={() => go(o)}
                  onMouseEnter={() => setActive(i)}
                  className={cn("flex cursor-pointer items-center gap-2 rounded-lg px-2 py-2 text-sm pointer-coarse:min-h-11", i === active && "bg-muted")}
                >
                  {o.kind === "hit" && o.hit.type === "images" ? (
                    <img src={imageFileUrl(o.hit.id)} alt="" loading="lazy" className="size-8 shrink-0 rounded-md bg-muted object-cover" />
                  ) : (
                    <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                  )}
                  <span className="min-w-0 flex-1 truncate">
                    {o.kind === "all" ? (
                      <Trans t={t} i18nKey="box.seeAll" values={{ q: o.q }} components={{ strong: <strong /> }} />
                    ) : (
                      optionLabel(o)
                    )}
                    {o.kind === "hit" && <span className="sr-only">{t("box.kindSuffix", { kind: t(`types.${o.hit.type}.oneLower`) })}</span>}
                  </span>
                  {o.kind === "hit" && !["prompt", "name", "title"].includes(o.hit.matchedIn) && (
                    <span className="shrink-0 text-xs text-muted-foreground">{t("box.matchedIn", { field: fieldLabel(t, o.hit.matchedIn) })}</span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
        {value.trim() && results.isFetching && !results.data && (
          <p className="px-2 py-2 text-sm text-muted-foreground" role="status">
            {t("box.searching")}
          </p>
        )}
        {results.data?.offline && value.trim() && <p className="px-2 py-1 text-xs text-muted-foreground">{t("box.offline")}</p>}
      </div>
      {value && (
        <button
          type="button"
          aria-label={t("box.clear")}
          className="absolute right-2 top-1/2 -translate-y-1/2 rounded p-1 text-muted-foreground hover:text-foreground"
          onClick={() => {
            setValue("");
            input.current?.focus();
          }}
        >
          <X className="size-3.5" aria-hidden="true" />
        </button>
      )}
    </form>
  );
}
