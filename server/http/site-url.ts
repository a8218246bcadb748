import { env } from '@/server/env';

/** Absolute URL of a path on this site (APP_URL), for share links, OG tags, sitemap and JSON-LD. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export function siteOrigin(): URL {
  return new URL(env().APP_URL);
}
