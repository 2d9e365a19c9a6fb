import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { PersonAvatar } from "./person-avatar";

export interface Mentionable {
  userId: string;
  name: string;
  image?: string | null;
  /** A short note shown next to the name (e.g. the role). */
  hint?: string;
}

/** The "@query" being typed just before the caret, if any (after a start or a space, within one line). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query)) return null;
  return { start: at, query };
}

export const matchPeople = (people: Mentionable[], query: string) => {
  const q = query.trim().toLowerCase();
  return people.filter((p) => p.name && (q === "" || p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || p.name.toLowerCase().startsWith(q))).slice(0, 6);
};

/**
 * A textarea that offers the people in `people` when "@" is typed: arrow keys choose, Enter or Tab inserts "@Name ",
 * Escape closes. The list is announced through aria-activedescendant; the textarea keeps focus throughout.
 */
export function MentionTextarea({
  value,
  onChange,
  people,
  className,
  ...props
}: { value: string; onChange: (v: string) => void; people: Mentionable[] } & Omit<React.ComponentProps<typeof Textarea>, "value" | "onChange">) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  const q = people.length ? mentionQuery(value, caret) : null;
  const options = q && !closed ? matchPeople(people, q.query) : [];
  const open = options.length > 0;
  const pick = (p: Mentionable) => {
    if (!q) return;
    const next = `${value.slice(0, q.start)}@${p.name} ${value.slice(caret)}`;
    const pos = q.start + p.name.length + 2;
    onChange(next);
    setCaret(pos);
    requestAnimationFrame(() => ref.current?.setSelectionRange(pos, pos));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(options[Math.min(active, options.length - 1)]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setClosed(true);
    }
  };
  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={ref}
        value={value}
        className={className}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
          setClosed(false);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setClosed(true)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={t("mention.people")} className="absolute inset-x-0 top-full z-20 mt-1 max-h-60 overflow-auto rounded-lg border border-border bg-popover p-1 shadow-lg">
          {options.map((p, i) => (
            <li
              key={p.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, options.length - 1)}
              className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm", i === Math.min(active, options.length - 1) && "bg-muted text-foreground")}
              onMouseDown={(e) => (e.preventDefault(), pick(p))}
            >
              <PersonAvatar name={p.name} image={p.image} className="size-6" />
              <span className="flex-1 truncate">{p.name}</span>
              {p.hint && <span className="text-xs text-muted-foreground">{p.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Comment text with the @names of known people emphasised. */
export function MentionText({ text, names }: { text: string; names: string[] }) {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return <>{text}</>;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const parts = text.split(new RegExp(`(@(?:${sorted.map(escape).join("|")}))(?![\\p{L}\\p{N}_])`, "giu"));
  return <>{parts.map((part, i) => (i % 2 ? <strong key={i} className="font-semibold text-primary-strong">{part}</strong> : part))}</>;
}
