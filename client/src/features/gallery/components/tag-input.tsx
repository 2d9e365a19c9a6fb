import { LIMITS } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { type KeyboardEvent, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { facetsOptions } from "../api/queries";

interface TagInputProps {
  id: string;
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
}

/** Chips plus a text field: Enter or comma adds a tag, Backspace on an empty field removes the last one. */
export function TagInput({ id, label, value, onChange }: TagInputProps) {
  const [text, setText] = useState("");
  const listId = useId();
  const { data } = useQuery(facetsOptions());
  const commit = () => {
    const tags = text
      .split(",")
      .map((t) => t.trim().slice(0, LIMITS.tagMaxLength))
      .filter(Boolean);
    if (tags.length) onChange([...new Set([...value, ...tags])].slice(0, LIMITS.tagsPerImage));
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
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex flex-wrap items-center gap-1.5 rounded-lg border border-input bg-background p-1.5 focus-within:border-ring">
        {value.map((t) => (
          <span key={t} className="inline-flex items-center gap-1 rounded-md bg-primary/15 py-0.5 pr-1 pl-2 text-xs text-primary-strong">
            {t}
            <button type="button" className="rounded p-0.5 hover:bg-primary/20" aria-label={`Remove tag ${t}`} onClick={() => onChange(value.filter((x) => x !== t))}>
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
          placeholder={value.length ? "" : "Type a tag and press Enter"}
          className="h-7 min-w-32 flex-1 border-0 px-1 shadow-none focus-visible:outline-none"
        />
        <datalist id={listId}>
          {data?.tags.filter((t) => !value.includes(t.tag)).map((t) => <option key={t.tag} value={t.tag} />)}
        </datalist>
      </div>
    </div>
  );
}
