'use client';

import { useEffect, useState } from 'react';

/**
 * Loads a module right after hydration (a dynamic import: its own chunk, not in the page's first-load JS) and
 * returns it, or null until it has arrived. For interactive parts that are not needed to paint the page, such as
 * the Radix dialogs and menus: the page renders without them and they are ready by the time someone taps.
 */
export function useAfterHydration<T>(load: () => Promise<T>): T | null {
  const [mod, setMod] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((m) => {
      if (live) setMod(() => m);
    });
    return () => {
      live = false;
    };
    // The loader is fixed for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return mod;
}
