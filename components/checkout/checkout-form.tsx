'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Image from 'next/image';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { appErrorOf, withLocalizedMessages, type TAppErrorInfo } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import { ZContact, ZShippingAddress, type CheckoutQuote, type TStoreChoice } from '@/server/services/checkout/schemas';
import { CouponField } from './coupon-field';
import { DeliveryOptions } from './delivery-options';
import { Field } from './field';
import { PriceChangeNotice, type PriceChange } from './price-change-notice';

const ZWithAddress = z.object({ contact: ZContact, shippingAddress: ZShippingAddress });
const ZWithoutAddress = z.object({ contact: ZContact, shippingAddress: z.unknown().optional() });
type FormIn = z.input<typeof ZWithAddress>;

const COUNTRIES = ['PE', 'CO', 'MX', 'CL', 'AR', 'EC', 'BO', 'UY', 'PY', 'US', 'ES'] as const;
const COUNTRY_BY_CURRENCY: Record<string, string> = { PEN: 'PE', COP: 'CO', MXN: 'MX', CLP: 'CL', ARS: 'AR', BOB: 'BO', UYU: 'UY', PYG: 'PY', EUR: 'ES' };

type StoreQuote = CheckoutQuote['stores'][number];
type Choice = { deliveryOptionId: string | null; couponCode?: string };

function optionsLabel(options: Record<string, string>) {
  return Object.values(options).join(' · ');
}

/**
 * The checkout: contact, per store delivery and coupon, address when something ships, totals from `checkout.quote`.
 * Submitting creates the orders and sends the buyer to pay; one idempotency key per attempt makes double clicks and
 * retries land on the same checkout.
 */
/** `onPaymentReady`: where the payment page goes instead of this tab (the live sheet opens it beside the player). */
export function CheckoutForm({ defaultContact, onPaymentReady }: { defaultContact: { name: string; email: string }; onPaymentReady?: (url: string) => void }) {
  const trpc = useTRPC();
  const t = useTranslations('checkout');
  const formatMoney = useMoney();
  const format = useFormatter();
  const locale = useLocale() === 'en' ? ('en' as const) : ('es' as const);
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [currency, setCurrency] = useState<string | null>(null);
  const [formError, setFormError] = useState<TAppErrorInfo | null>(null);
  const [storeErrors, setStoreErrors] = useState<Record<string, { delivery?: string; coupon?: string }>>({});
  const [priceChange, setPriceChange] = useState<PriceChange | null>(null);
  const [soldOut, setSoldOut] = useState<{ title: string; available: number }[] | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  // cart.get first: it merges a guest cart after sign-in, and has the photos.
  const cart = useQuery({ ...trpc.cart.get.queryOptions(), staleTime: 0 });
  const quoteInput = { stores: Object.entries(choices).map(([storeId, c]): TStoreChoice => ({ storeId, deliveryOptionId: c.deliveryOptionId, couponCode: c.couponCode })) };
  const quote = useQuery({ ...trpc.checkout.quote.queryOptions(quoteInput), enabled: cart.isSuccess, placeholderData: keepPreviousData, staleTime: 0 });

  const images = useMemo(() => {
    const m = new Map<string, { url: string; alt: string }>();
    for (const g of cart.data?.groups ?? []) for (const l of g.lines) if (l.image) m.set(l.variantId, l.image);
    return m;
  }, [cart.data]);

  const q = quote.data;
  const currencies = useMemo(() => [...new Set((q?.stores ?? []).map((s) => s.currency))], [q]);
  const activeCurrency = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);
  const stores: StoreQuote[] = (q?.stores ?? []).filter((s) => s.currency === activeCurrency);
  const total = stores.reduce((s, st) => s + st.total, 0);
  const ships = stores.some((s) => s.deliveryOptions.find((o) => o.id === s.deliveryOptionId)?.kind !== 'pickup');
  const problems = stores.flatMap((s) => s.items).filter((i) => i.problem);
  const missingDelivery = stores.some((s) => !s.deliveryOptionId);

  const shipsRef = useRef(ships);
  shipsRef.current = ships;
  const resolver: Resolver<FormIn> = (values, ctx, opts) =>
    withLocalizedMessages((shipsRef.current ? zodResolver(ZWithAddress) : zodResolver(ZWithoutAddress)) as Resolver<FormIn>)(values, ctx, opts) as never;
  const form = useForm<FormIn>({
    resolver,
    mode: 'onTouched',
    defaultValues: {
      contact: { name: defaultContact.name, email: defaultContact.email, phone: '' },
      shippingAddress: { line1: '', line2: '', city: '', region: '', postalCode: '', country: 'PE', notes: '' },
    },
  });
  const { register, handleSubmit, setError, setValue, formState } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (activeCurrency && !formState.dirtyFields.shippingAddress?.country && COUNTRY_BY_CURRENCY[activeCurrency]) {
      setValue('shippingAddress.country', COUNTRY_BY_CURRENCY[activeCurrency]!);
    }
  }, [activeCurrency, formState.dirtyFields.shippingAddress?.country, setValue]);

  const choose = (storeId: string, patch: Partial<Choice>) => {
    setStoreErrors((e) => ({ ...e, [storeId]: {} }));
    setPriceChange(null);
    setChoices((c) => {
      const current = c[storeId] ?? { deliveryOptionId: q?.stores.find((s) => s.storeId === storeId)?.deliveryOptionId ?? null };
      return { ...c, [storeId]: { ...current, ...patch } };
    });
  };

  const create = useMutation(
    trpc.checkout.create.mutationOptions({
      onSuccess: (created) => {
        const fallback = `/checkout/${created.checkoutId}?t=${encodeURIComponent(created.accessToken)}`;
        if (onPaymentReady) onPaymentReady(created.paymentUrl ?? fallback);
        else window.location.assign(created.paymentUrl ?? fallback);
      },
      onError: (err, sent) => {
        const info = appErrorOf(err);
        const reason = info.details?.reason;
        void queryClient.invalidateQueries({ queryKey: trpc.checkout.quote.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        if (reason === 'PRICE_CHANGED' && info.details?.quote) {
          setPriceChange({ before: stores, after: info.details.quote as CheckoutQuote, sentTotal: sent.expectedTotal });
          return;
        }
        if (reason === 'OUT_OF_STOCK' && Array.isArray(info.details?.items)) {
          setSoldOut(info.details.items as { title: string; available: number }[]);
          return;
        }
        const perStore: Record<string, { delivery?: string; coupon?: string }> = {};
        let placed = false;
        for (const [path, message] of Object.entries(info.fields)) {
          const m = /^stores\.(\d+)\.(couponCode|deliveryOptionId|storeId)$/.exec(path);
          if (m) {
            const storeId = sent.stores[Number(m[1])]?.storeId;
            if (storeId) perStore[storeId] = { ...perStore[storeId], [m[2] === 'couponCode' ? 'coupon' : 'delivery']: message };
            placed = true;
          } else if (path.startsWith('contact.') || path.startsWith('shippingAddress.')) {
            setError(path as never, { message });
            placed = true;
          }
        }
        setStoreErrors(perStore);
        setFormError(placed && info.code === 'BAD_REQUEST' ? null : info);
      },
    }),
  );

  const submit = (values: FormIn, confirmedTotal?: number) => {
    setFormError(null);
    setSoldOut(null);
    setPriceChange(null);
    const parsedContact = ZContact.parse(values.contact);
    const body = {
      contact: parsedContact,
      shippingAddress: ships ? ZShippingAddress.parse(values.shippingAddress) : undefined,
      stores: stores.map((s) => ({ storeId: s.storeId, deliveryOptionId: s.deliveryOptionId!, couponCode: s.coupon?.code })),
      expectedTotal: confirmedTotal ?? total,
      // The buyer's emails (order placed/paid/shipped) are written in the language they are using now.
      locale,
    };
    const serialized = JSON.stringify(body);
    // Same body → same key (a retry or a double click is one checkout); a changed body is a new attempt.
    if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: crypto.randomUUID() };
    create.mutate({ idempotencyKey: attempt.current.key, ...body });
  };

  if (cart.isPending || (quote.isPending && cart.isSuccess)) {
    return <div className="mt-6 h-64 animate-pulse rounded-3xl bg-zinc-100" role="status" aria-busy="true" aria-label={t('calculating')} />;
  }
  if (cart.isError || quote.isError) {
    return (
      <p className="mt-6 rounded-2xl bg-rose-50 p-4 text-sm text-rose-800">
        {t('quoteError')}{' '}
        <button type="button" className="font-semibold underline" onClick={() => void quote.refetch()}>
          {t('retry')}
        </button>
      </p>
    );
  }
  if (!q || q.stores.length === 0) {
    return (
      <section className="mt-8 rounded-3xl bg-zinc-50 px-6 py-12 text-center">
        <h2 className="text-lg font-semibold text-zinc-900">{t('nothingToPay')}</h2>
        <p className="mt-1 text-sm text-zinc-600">{t('cartEmpty')}</p>
        <Link href="/" className="mt-5 inline-flex h-11 items-center rounded-2xl bg-zinc-900 px-5 text-sm font-semibold text-white">
          {t('browse')}
        </Link>
      </section>
    );
  }

  // While the quote for a new choice loads, the shown total is the previous one: paying now would pay that.
  const blocked = problems.length > 0 || missingDelivery || create.isPending || quote.isFetching || stores.some((s) => s.deliveryOptions.length === 0);

  return (
    <form noValidate onSubmit={handleSubmit((v) => submit(v))} className="mt-4 space-y-6">
      {q.mixedCurrencies && (
        <fieldset className="rounded-2xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
          <legend className="sr-only">{t('currencyLegend')}</legend>
          <p className="font-medium">{t('mixedCurrencies', { currencies: format.list(currencies, { type: 'conjunction' }) })}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            {currencies.map((c) => (
              <label key={c} className={`cursor-pointer rounded-xl border px-3 py-2 font-semibold ${c === activeCurrency ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-amber-300 bg-white'}`}>
                <input type="radio" name="currency" value={c} checked={c === activeCurrency} onChange={() => setCurrency(c)} className="sr-only" />
                {t('payIn', { currency: c })}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <section aria-labelledby="contact-h" className="rounded-3xl border border-zinc-200 bg-white p-4">
        <h2 id="contact-h" className="text-base font-semibold text-zinc-900">
          {t('contact')}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <Field id="contact-name" label={t('name')} autoComplete="name" error={errors.contact?.name?.message} className="sm:col-span-2" {...register('contact.name')} />
          <Field id="contact-email" label={t('email')} type="email" inputMode="email" autoComplete="email" error={errors.contact?.email?.message} hint={t('emailHint')} {...register('contact.email')} />
          <Field id="contact-phone" label={t('phone')} type="tel" inputMode="tel" autoComplete="tel" error={errors.contact?.phone?.message} {...register('contact.phone')} />
        </div>
      </section>

      {stores.map((store) => (
        <section key={store.storeId} aria-label={t('storeOrder', { store: store.storeName })} className="rounded-3xl border border-zinc-200 bg-white" data-testid="checkout-store">
          <header className="flex items-center justify-between border-b border-zinc-100 px-4 py-3">
            <h2 className="font-semibold text-zinc-900">{store.storeName}</h2>
            <span className="text-xs text-zinc-500">{t('separateOrder')}</span>
          </header>
          <ul className="divide-y divide-zinc-100 px-4">
            {store.items.map((item) => {
              const img = images.get(item.variantId);
              return (
                <li key={item.variantId} className="flex items-center gap-3 py-3">
                  <span className="relative size-14 shrink-0 overflow-hidden rounded-xl bg-zinc-100">
                    {img && <Image src={img.url} alt={img.alt} fill sizes="56px" className="object-cover" />}
                  </span>
                  <span className="min-w-0 flex-1 text-sm">
                    <span className="line-clamp-1 font-medium text-zinc-900">{item.title}</span>
                    <span className="block text-xs text-zinc-500">
                      {optionsLabel(item.options)}
                      {Object.keys(item.options).length ? ' · ' : ''}
                      {item.qty} × {formatMoney(item.unitPrice, store.currency)}
                    </span>
                    {item.problem && (
                      <span className="mt-1 block text-xs font-medium text-rose-700">
                        {item.problem === 'insufficient_stock' ? t('onlyLeft', { available: item.available }) : item.problem === 'out_of_stock' ? t('soldOutShort') : t('unavailable')}{' '}
                        <Link href="/carrito" className="underline">
                          {t('fixInCart')}
                        </Link>
                      </span>
                    )}
                  </span>
                  <span className="text-sm font-semibold tabular-nums text-zinc-900">{formatMoney(item.lineTotal, store.currency)}</span>
                </li>
              );
            })}
          </ul>
          <div className="space-y-4 border-t border-zinc-100 p-4">
            <DeliveryOptions
              store={store}
              selectedId={choices[store.storeId]?.deliveryOptionId ?? null}
              error={storeErrors[store.storeId]?.delivery}
              onChoose={(id) => choose(store.storeId, { deliveryOptionId: id })}
            />
            <CouponField
              storeId={store.storeId}
              currency={store.currency}
              applied={store.coupon}
              error={storeErrors[store.storeId]?.coupon ?? store.couponError}
              onApply={(code) => choose(store.storeId, { couponCode: code })}
            />
            <dl className="space-y-1 text-sm">
              <div className="flex justify-between text-zinc-600">
                <dt>{t('subtotal')}</dt>
                <dd className="tabular-nums">{formatMoney(store.subtotal, store.currency)}</dd>
              </div>
              {store.discount > 0 && (
                <div className="flex justify-between text-emerald-700">
                  <dt>{t('discount')}</dt>
                  <dd className="tabular-nums">−{formatMoney(store.discount, store.currency)}</dd>
                </div>
              )}
              <div className="flex justify-between text-zinc-600">
                <dt>{t('shipping')}</dt>
                <dd className="tabular-nums">{store.shippingFee === 0 ? t('free') : formatMoney(store.shippingFee, store.currency)}</dd>
              </div>
              <div className="flex justify-between font-semibold text-zinc-900">
                <dt>{t('storeTotal', { store: store.storeName })}</dt>
                <dd className="tabular-nums" data-testid="store-total">
                  {formatMoney(store.total, store.currency)}
                </dd>
              </div>
            </dl>
          </div>
        </section>
      ))}

      {ships && (
        <section aria-labelledby="address-h" className="rounded-3xl border border-zinc-200 bg-white p-4">
          <h2 id="address-h" className="text-base font-semibold text-zinc-900">
            {t('address')}
          </h2>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <Field id="addr-line1" label={t('line1')} autoComplete="address-line1" error={errors.shippingAddress?.line1?.message} className="sm:col-span-2" {...register('shippingAddress.line1')} />
            <Field id="addr-line2" label={t('line2')} autoComplete="address-line2" error={errors.shippingAddress?.line2?.message} className="sm:col-span-2" {...register('shippingAddress.line2')} />
            <Field id="addr-city" label={t('city')} autoComplete="address-level2" error={errors.shippingAddress?.city?.message} {...register('shippingAddress.city')} />
            <Field id="addr-region" label={t('region')} autoComplete="address-level1" error={errors.shippingAddress?.region?.message} {...register('shippingAddress.region')} />
            <Field id="addr-postal" label={t('postalCode')} autoComplete="postal-code" error={errors.shippingAddress?.postalCode?.message} {...register('shippingAddress.postalCode')} />
            <div>
              <label htmlFor="addr-country" className="mb-1 block text-sm font-medium text-zinc-800">
                {t('country')}
              </label>
              <select id="addr-country" autoComplete="country" className="h-12 w-full rounded-xl border border-zinc-300 bg-white px-3 text-base" {...register('shippingAddress.country')}>
                {COUNTRIES.map((code) => (
                  <option key={code} value={code}>
                    {t(`countries.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field id="addr-notes" label={t('notes')} error={errors.shippingAddress?.notes?.message} className="sm:col-span-2" {...register('shippingAddress.notes')} />
          </div>
        </section>
      )}

      {soldOut && (
        <div role="alert" className="rounded-2xl bg-rose-50 p-4 text-sm text-rose-900 ring-1 ring-inset ring-rose-200">
          <p className="font-semibold">{t('soldOutTitle')}</p>
          <ul className="mt-1 list-disc pl-5">
            {soldOut.map((i) => (
              <li key={i.title}>
                {t('soldOutItem', { title: i.title, available: i.available })}
              </li>
            ))}
          </ul>
          <Link href="/carrito" className="mt-2 inline-block font-semibold underline">
            {t('adjustCart')}
          </Link>
        </div>
      )}

      {priceChange && (
        <PriceChangeNotice
          change={priceChange}
          busy={create.isPending}
          onConfirm={(newTotal) => void handleSubmit((v) => submit(v, newTotal))()}
          onDismiss={() => setPriceChange(null)}
        />
      )}

      {formError && (
        <p role="alert" className="rounded-2xl bg-rose-50 p-4 text-sm text-rose-800">
          {formError.message}
        </p>
      )}

      <div className="sticky bottom-0 -mx-4 border-t border-zinc-200 bg-white/95 px-4 pb-4 pt-3 backdrop-blur sm:static sm:mx-0 sm:rounded-3xl sm:border sm:p-4">
        <p className="mb-3 flex items-baseline justify-between">
          <span className="text-sm text-zinc-600">{t('totalToPay', { orders: stores.length })}</span>
          <span className="text-xl font-bold tabular-nums text-zinc-900" data-testid="grand-total">
            {activeCurrency ? formatMoney(total, activeCurrency) : '—'}
          </span>
        </p>
        {problems.length > 0 && <p className="mb-2 text-sm font-medium text-rose-700">{t('fixProblems')}</p>}
        <button
          type="submit"
          disabled={blocked || Boolean(priceChange)}
          className="flex h-12 w-full items-center justify-center rounded-2xl bg-violet-700 text-sm font-semibold text-white shadow-sm hover:bg-violet-800 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-600"
        >
          {create.isPending ? t('creating') : quote.isFetching ? t('updatingTotal') : t('pay', { amount: activeCurrency ? formatMoney(total, activeCurrency) : '' })}
        </button>
      </div>
      <p className="text-center text-xs text-zinc-500">{t('cregisNote')}</p>
    </form>
  );
}
