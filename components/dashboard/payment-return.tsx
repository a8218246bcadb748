'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** While a returning payment is still unconfirmed, re-read the page now and then (the callback usually lands within seconds). */
export function RefreshWhilePending({ everyMs = 4000, maxTries = 45 }: { everyMs?: number; maxTries?: number }) {
  const router = useRouter();
  const t = useTranslations('dashboard.shell');
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= maxTries) return;
    const timer = setTimeout(() => {
      router.refresh();
      setTries((n) => n + 1);
    }, everyMs);
    return () => clearTimeout(timer);
  }, [tries, everyMs, maxTries, router]);
  return tries >= maxTries ? (
    <p className="mt-1 text-sm">{t('stillPending')}</p>
  ) : null;
}
