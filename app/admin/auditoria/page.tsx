import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.audit'))('nav') };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ antes?: string }> }) {
  const { antes } = await searchParams;
  const before = antes && /^\d{1,15}$/.test(antes) ? Number(antes) : undefined;
  const trpc = await adminApi('/admin/auditoria');
  const [t, format, v, page] = await Promise.all([
    getTranslations('admin.audit'),
    getFormatter(),
    trpc.admin.verifyAudit(),
    trpc.admin.audit({ beforeSeq: before, limit: 50 }),
  ]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('title')} description={t('description')} />
      <div
        role="status"
        data-testid="audit-verdict"
        data-ok={v.ok ? 'true' : 'false'}
        className={`mb-4 rounded-2xl border p-4 text-sm ${v.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-900'}`}
      >
        {v.ok ? (
          <>
            <p className="font-semibold">{t('ok', { count: v.entries })}</p>
            {v.head ? <p className="mt-1 break-all font-mono text-xs">{t('head', { seq: v.head.seq, hash: v.head.hash })}</p> : null}
          </>
        ) : (
          <>
            <p className="font-semibold">{t('broken', { seq: v.firstBreak!.seq })}</p>
            <p className="mt-1">{v.firstBreak!.message}</p>
          </>
        )}
      </div>
      <ol className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white">
        {page.items.map((e) => (
          <li key={e.seq} className={`p-3 text-sm ${v.firstBreak?.seq === e.seq ? 'bg-red-50' : ''}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-zinc-900">
                #{e.seq} · {e.action}
              </p>
              <time className="text-xs text-zinc-500" dateTime={e.at.toISOString()}>
                {format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}
              </time>
            </div>
            <p className="break-all text-zinc-600">
              {e.actor} → {e.subject}
            </p>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-zinc-500">{t('details')}</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-zinc-50 p-2 text-xs">{JSON.stringify(e.data, null, 2)}</pre>
              <p className="mt-1 break-all font-mono text-[11px] text-zinc-500">{e.hash}</p>
            </details>
          </li>
        ))}
      </ol>
      {page.nextBeforeSeq ? (
        <Link href={`/admin/auditoria?antes=${page.nextBeforeSeq}`} className="mt-4 inline-flex min-h-11 items-center rounded-xl px-3 text-sm font-semibold text-violet-700 hover:bg-violet-50">
          {t('older')}
        </Link>
      ) : null}
    </div>
  );
}
