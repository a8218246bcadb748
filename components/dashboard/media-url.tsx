'use client';

import { createContext, useCallback, useContext, type ReactNode } from 'react';

/**
 * Client components get storage keys (imageKey, logoKey, images[].key) from the API. The media adapter's
 * publicUrl(key) is server-side; its URLs are a fixed prefix + key, so the dashboard layout passes the prefix down.
 */
const MediaUrlContext = createContext<string>('/media/');

export function MediaUrlProvider({ prefix, children }: { prefix: string; children: ReactNode }) {
  return <MediaUrlContext.Provider value={prefix}>{children}</MediaUrlContext.Provider>;
}

export function useMediaUrl() {
  const prefix = useContext(MediaUrlContext);
  return useCallback((key: string | null | undefined) => (key ? `${prefix}${key}` : null), [prefix]);
}
