import { useLocale } from 'next-intl';
import { formatMoney } from './money';

/** formatMoney in the current next-intl locale (es: "S/ 89.90", en: "PEN 89.90"); server and client components. */
export function useMoney(): (amountMinor: number, currency: string) => string {
  const locale = useLocale();
  return (amountMinor, currency) => formatMoney(amountMinor, currency, locale);
}
