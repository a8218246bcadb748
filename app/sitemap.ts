import type { MetadataRoute } from 'next';
import { getDb } from '@/server/db/client';
import { absoluteUrl } from '@/server/http/site-url';
import { alternates } from '@/server/i18n/paths';
import { listSitemapEntries } from '@/server/services/catalog/sitemap-entries';

/** sitemap.xml: every public page in Spanish with its English alternate (hreflang); rebuilt hourly. */
export const revalidate = 3600;

function entry(path: string, lastModified?: Date, priority?: number): MetadataRoute.Sitemap[number] {
  const alt = alternates(path);
  return {
    url: absoluteUrl(alt.es),
    lastModified,
    priority,
    alternates: { languages: { es: absoluteUrl(alt.es), en: absoluteUrl(alt.en) } },
  };
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { stores, products, categories } = await listSitemapEntries({ db: getDb() });
  return [
    entry('/', undefined, 1),
    ...categories.map((c) => entry(`/c/${c.slug}`, undefined, 0.6)),
    ...stores.map((s) => entry(`/s/${s.slug}`, s.updatedAt, 0.8)),
    ...products.map((p) => entry(`/s/${p.storeSlug}/p/${p.slug}`, p.updatedAt, 0.7)),
  ];
}
