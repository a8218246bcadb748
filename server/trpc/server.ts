import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from './context';
import { createCaller } from './root';

/** Server-component caller: one context per request (React cache), same procedures as the HTTP API. */
const getContext = cache(async () => {
  const h = new Headers(await headers());
  h.set('cookie', (await cookies()).toString());
  return createContext(h);
});

export const api = cache(async () => createCaller(await getContext()));
