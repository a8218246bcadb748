import { ServerImage } from '@/components/ui/server-image';
import { IntentLink } from '@/components/ui/intent-link';
import { getLocale } from 'next-intl/server';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import type { CategoryWithCount } from '@/server/services/catalog/types';

/** Categories as round photo chips, scrolling sideways on phones. */
export async function CategoryChips({ categories, activeSlug }: { categories: CategoryWithCount[]; activeSlug?: string }) {
  const visible = categories.filter((c) => c.productCount > 0);
  const locale = (await getLocale()) as Locale;
  return (
    <ul className="-mx-4 flex gap-3 overflow-x-auto px-4 pb-2 [scrollbar-width:none] sm:mx-0 sm:grid sm:grid-cols-5 sm:gap-4 sm:overflow-visible sm:px-0 lg:grid-cols-10">
      {visible.map((c) => {
        const active = c.slug === activeSlug;
        return (
          <li key={c.slug} className="w-20 shrink-0 sm:w-auto">
            <IntentLink
              href={localizedPath(locale, `/c/${c.slug}`)}
              aria-current={active ? 'page' : undefined}
              className="group flex flex-col items-center gap-2 rounded-2xl p-1 text-center focus-visible:outline-2 focus-visible:outline-violet-600"
            >
              <span className={`relative size-16 overflow-hidden rounded-full bg-zinc-100 ring-2 transition sm:size-20 ${active ? 'ring-violet-600' : 'ring-transparent group-hover:ring-violet-300'}`}>
                {c.image && <ServerImage src={c.image.url} alt="" fill sizes="80px" className="object-cover" />}
              </span>
              <span className="text-xs font-medium leading-tight text-zinc-800">{locale === 'en' ? c.nameEn : c.nameEs}</span>
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
