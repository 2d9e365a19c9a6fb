import { useId } from "react";

export function Logo({ className }: { className?: string }) {
  // An id per logo: with a fixed one, a logo inside a hidden subtree (the prerendered frame's other sidebar copy)
  // would be the gradient every later logo points at, and draw none.
  const gradient = useId();
  return (
    <svg viewBox="0 0 64 64" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8B5CF6" />
          <stop offset="1" stopColor="#EC4899" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill={`url(#${gradient})`} />
      <path d="M14 46l12-16 9 11 6-7 9 12z" fill="#fff" opacity=".95" />
      <circle cx="44" cy="20" r="6" fill="#fff" opacity=".95" />
    </svg>
  );
}
