"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

export type UrlValues = Record<string, string | number | null | undefined>;

/**
 * A screen's state kept in the URL query string (filters, sort, page), so reload, back and a
 * shared link all show the same thing. Empty values are left out of the URL.
 */
export function useUrlQuery() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const values: Record<string, string> = Object.fromEntries(params.entries());

  function navigate(next: UrlValues) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== null && String(value) !== "") query.set(key, String(value));
    }
    const text = query.toString();
    router.push(text ? `${pathname}?${text}` : pathname, { scroll: false });
  }

  return {
    values,
    /** The current query string, canonical enough to key queries and forms by. */
    queryString: params.toString(),
    navigate,
    /** Changes some values and keeps the others. */
    update: (patch: UrlValues) => navigate({ ...values, ...patch }),
  };
}
