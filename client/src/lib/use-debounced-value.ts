import { useEffect, useState } from "react";

/** `value`, updated only after it has stopped changing for `ms`. Compares by JSON so fresh objects don't reset it. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value) as string | undefined;
  useEffect(() => {
    const t = setTimeout(() => setDebounced((key === undefined ? undefined : JSON.parse(key)) as T), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return debounced;
}
