import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { cn } from "@/lib/cn";

export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("") || "?";

/** A person's picture or initials. `labelled` when no visible name sits next to it (then the name is its alt). */
export function PersonAvatar({ name, image, labelled = false, className }: { name: string; image?: string | null; labelled?: boolean; className?: string }) {
  return (
    <Avatar className={cn("size-8", className)} title={labelled ? name : undefined}>
      {image ? <AvatarImage src={image} alt={labelled ? name : ""} /> : null}
      <AvatarFallback aria-hidden={labelled ? undefined : true} aria-label={labelled ? name : undefined} role={labelled ? "img" : undefined}>
        {initialsOf(name)}
      </AvatarFallback>
    </Avatar>
  );
}

/** Up to `max` overlapping avatars and a "+n" for the rest, named as a group. */
export function AvatarStack({ people, max = 5, label }: { people: { userId: string; name: string; image?: string | null }[]; max?: number; label: string }) {
  const shown = people.slice(0, max);
  const rest = people.length - shown.length;
  return (
    <div role="group" aria-label={label} className="flex items-center -space-x-2">
      {shown.map((p) => (
        <PersonAvatar key={p.userId} name={p.name} image={p.image} labelled className="size-7 ring-2 ring-background" />
      ))}
      {rest > 0 && <span className="flex size-7 items-center justify-center rounded-full bg-muted text-xs font-medium ring-2 ring-background">+{rest}</span>}
    </div>
  );
}
