import { LIMITS } from "@image-studio/shared";
import { X } from "lucide-react";
import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { Input } from "./input";

/** Tags typed in the field: split on commas, trimmed, cut to the tag limit, without repeats, at most `max`. */
export function addTags(current: string[], text: string, max: number = LIMITS.tagsPerImage): string[] {
  const typed = text
    .split(",")
    .map((t) => t.trim().slice(0, LIMITS.tagMaxLength))
    .filter(Boolean);
  return [...new Set([...current, ...typed])].slice(0, max);
}

interface TagsInputProps {
  value: string[];
  onChange: (tags: string[]) => void;
  /** Offered while typing (a datalist). */
  suggestions?: string[];
  id?: string;
  /** When there is no visible label. */
  "aria-label"?: string;
  "aria-describedby"?: string;
  invalid?: boolean;
  placeholder?: string;
  /** Shown before the chips (e.g. a tag icon). */
  leading?: ReactNode;
  className?: string;
}

/** Tag chips plus a text field: Enter or comma adds, Backspace on an empty field removes the last tag. */
export function TagsInput({ value, onChange, suggestions = [], id, invalid, placeholder, leading, className, ...aria }: TagsInputProps) {
  const { t } = useTranslation("common");
  const [text, setText] = useState("");
  const listId = useId();
  const commit = () => {
    const next = addTags(value, text);
    if (next.length !== value.length) onChange(next);
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      commit();
    } else if (e.key === "Backspace" && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className={cn("flex flex-wrap items-center gap-1.5 rounded-lg border border-input bg-background p-1.5 focus-within:ring-2 focus-within:ring-ring", className)}>
      {leading}
      {value.map((tag) => (
        <span key={tag} className="inline-flex items-center gap-1 rounded-md bg-primary/15 py-0.5 pr-1 pl-2 text-xs text-primary-strong">
          {tag}
          <button
            type="button"
            className="rounded p-0.5 hover:bg-primary/20 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            aria-label={t("ui.removeTag", { tag })}
            onClick={() => onChange(value.filter((x) => x !== tag))}
          >
            <X className="size-3" aria-hidden="true" />
          </button>
        </span>
      ))}
      <Input
        id={id}
        list={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        aria-label={aria["aria-label"]}
        aria-describedby={aria["aria-describedby"]}
        aria-invalid={invalid || undefined}
        placeholder={placeholder ?? (value.length ? "" : t("ui.tagPlaceholder"))}
        className="h-7 min-w-28 flex-1 border-0 px-1 shadow-none focus-visible:ring-0 focus-visible:outline-none"
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
