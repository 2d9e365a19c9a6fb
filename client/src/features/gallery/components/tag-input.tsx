import { useQuery } from "@tanstack/react-query";
import { Label } from "@/components/ui/label";
import { TagsInput } from "@/components/ui/tags-input";
import { facetsOptions } from "../api/queries";

interface TagInputProps {
  id: string;
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
}

/** A labelled tags field suggesting the tags already used in the gallery. */
export function TagInput({ id, label, value, onChange }: TagInputProps) {
  const { data } = useQuery(facetsOptions());
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <TagsInput id={id} value={value} onChange={onChange} suggestions={data?.tags.map((t) => t.tag)} />
    </div>
  );
}
