import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from './field';
import { ExternalIcon, PencilIcon, PlusIcon, TagIcon, TruckIcon } from './icons';
import { StoreAvatar } from './store-avatar';

/** The current store's name, public address and the quick links. */
export function StoreHeader({
  store,
  logoUrl,
}: {
  store: { id: string; name: string; slug: string; brandColor: string; currency: string };
  logoUrl: string | null;
}) {
  const t = useTranslations('dashboard.header');
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 items-center gap-3">
        <StoreAvatar name={store.name} brandColor={store.brandColor} logoUrl={logoUrl} size={52} className="rounded-2xl" />
        <div className="min-w-0">
          <h1 className="truncate text-xl font-bold text-zinc-900 sm:text-2xl">{store.name}</h1>
          <p className="truncate text-sm text-zinc-500">
            vita/s/{store.slug} · {store.currency}
          </p>
        </div>
      </div>
      <nav aria-label={t('quickLinks')} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:justify-end">
        <Link
          href={`/dashboard/tiendas/${store.id}/productos/nuevo`}
          className={`${buttonClass.primary} col-span-2 sm:order-last`}
        >
          <PlusIcon className="size-5 shrink-0" />
          {t('newProduct')}
        </Link>
        <Link href={`/s/${store.slug}`} target="_blank" rel="noopener" className={buttonClass.secondary}>
          <ExternalIcon className="size-4 shrink-0" />
          {t('viewStore')}
          <span className="sr-only">{t('viewStoreSr')}</span>
        </Link>
        <Link href={`/dashboard/tiendas/${store.id}/editar`} className={buttonClass.secondary}>
          <PencilIcon className="size-4 shrink-0" />
          {t('editStore')}
        </Link>
        <Link href={`/dashboard/tiendas/${store.id}/entregas`} className={buttonClass.secondary}>
          <TruckIcon className="size-4 shrink-0" />
          {t('delivery')}
        </Link>
        <Link href={`/dashboard/tiendas/${store.id}/cupones`} className={buttonClass.secondary}>
          <TagIcon className="size-4 shrink-0" />
          {t('coupons')}
        </Link>
      </nav>
    </div>
  );
}
