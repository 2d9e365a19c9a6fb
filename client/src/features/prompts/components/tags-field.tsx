import { LIMITS } from "@image-studio/shared";
import { X } from "lucide-react";
import { type KeyboardEvent, useId, useState } from "react";
import { Input } from "@/components/ui/input";

interface TagsFieldProps {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  describedBy?: string;
  invalid?: boolean;
}

/** Tag chips plus a text field: Enter or comma adds, Backspace on an empty field removes the last tag. */
export function TagsField({ id, value, onChange, suggestions, describedBy, invalid }: TagsFieldProps) {
  const [text, setText] = useState("");
  const listId = useId();
  const commit = () => {
    const added = text
      .split(",")
      .map((t) => t.trim().slice(0, LIMITS.tagMaxLength))
      .filter(Boolean);
    if (added.length) onChange([...new Set([...value, ...added])]);
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
    <div className="flex flex-wrap items-center gap-1.5 rounded-lg border border-input bg-background p-1.5 focus-within:ring-2 focus-within:ring-ring">
      {value.map((t) => (
        <span
          key={t}
          className="inline-flex items-center gap-1 rounded-md bg-primary/15 py-0.5 pr-1 pl-2 text-xs text-primary-strong"
        >
          {t}
          <button
            type="button"
            className="rounded p-0.5 hover:bg-primary/20 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            aria-label={`Remove tag ${t}`}
            onClick={() => onChange(value.filter((x) => x !== t))}
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
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={value.length ? "" : "Type a tag and press Enter"}
        className="h-7 min-w-32 flex-1 border-0 px-1 shadow-none focus-visible:ring-0 focus-visible:outline-none"
      />
      <datalist id={listId}>
        {suggestions
          .filter((t) => !value.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>
    </div>
  );
}
