'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * A date and time in the reader's own time zone, without a hydration mismatch. The server cannot know the reader's
 * zone, so the HTML (and the hydrating render, which must match it) says the time in UTC and names the zone
 * ("1 dic 2026, 03:55 UTC"); right after hydration the client renders it in the phone's zone ("30 nov 2026, 22:55").
 * Formatting with the browser's zone during hydration made React throw the server HTML away for everyone outside UTC
 * (error #418) — every buyer in Latin America.
 */
export function useLocalDateTime(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  if (hydrated) return date.toLocaleString(locale, options);
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the zone is appended from its own formatter.
  const utc = date.toLocaleString(locale, { ...options, timeZone: 'UTC' });
  return `${utc} UTC`;
}
