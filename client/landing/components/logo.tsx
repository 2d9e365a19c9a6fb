/** The brand mark (same drawing as the app shell's logo; ids are prefixed so two copies on a page stay valid). */
export function Logo({ id, className }: { id: string; className?: string }) {
  const g = `${id}-g`;
  return (
    <svg viewBox="0 0 64 64" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={g} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8B5CF6" />
          <stop offset="1" stopColor="#EC4899" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill={`url(#${g})`} />
      <path d="M14 46l12-16 9 11 6-7 9 12z" fill="#fff" opacity=".95" />
      <circle cx="44" cy="20" r="6" fill="#fff" opacity=".95" />
    </svg>
  );
}
