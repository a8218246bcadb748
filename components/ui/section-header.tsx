import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ArrowRightIcon } from './icons';

export async function SectionHeader({ title, subtitle, href, linkLabel, id }: { title: string; subtitle?: string; href?: string; linkLabel?: string; id?: string }) {
  const t = await getTranslations('catalog');
  return (
    <div className="mb-4 flex items-end justify-between gap-4">
      <div>
        <h2 id={id} className="text-xl font-bold tracking-tight text-zinc-900 sm:text-2xl">
          {title}
        </h2>
        {subtitle && <p className="mt-0.5 text-sm text-zinc-500">{subtitle}</p>}
      </div>
      {href && (
        <Link href={href} className="inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-1 text-sm font-semibold text-violet-700 hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-violet-600">
          {linkLabel ?? t('seeAll')}
          <ArrowRightIcon />
        </Link>
      )}
    </div>
  );
}
