/** The language to speak in UI that is outside any page's IntlProvider (root-level prompts, offline page). */
export function clientLocale(): 'es' | 'en' {
  if (typeof document === 'undefined') return 'es';
  const cookie = document.cookie.match(/(?:^|; )NEXT_LOCALE=(es|en)/)?.[1];
  if (cookie === 'es' || cookie === 'en') return cookie;
  if (location.pathname === '/en' || location.pathname.startsWith('/en/')) return 'en';
  return 'es';
}
