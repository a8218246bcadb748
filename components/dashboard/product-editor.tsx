'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { PhotoUploader } from '@/components/media/photo-uploader';
import { useTRPC } from '@/components/providers/trpc';
import { currencyOptions } from '@/components/store/currency';
import { minorUnitDigits } from '@/components/ui/money';
import { useMoney } from '@/components/ui/use-money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { ZCreateProductInput, ZUpdateProductInput, type TCreateProductInput } from '@/server/services/products/schemas';
import { buttonClass, Card, describedBy, Field, FieldError, inputClass } from './field';
import { ExternalIcon } from './icons';
import { useMediaUrl } from './media-url';
import { LimitNotice } from './limit-notice';
import { OptionsEditor } from './options-editor';
import { generatingOptions, regenerateVariants, type TOptionRow } from './product-variants';
import { appErrorOf, issuesToFields, limitDetailsOf, type TAppErrorInfo } from './trpc-error';
import { variantLabel, type TCategory } from './types';
import { productToForm, type TProductFormValues } from './product-form-values';

const amount = (text: string, currency: string) => parseMajorToMinor(text, currency) ?? Number.NaN;

/** Form values → the procedure's input (minor units, numbers). Validation is left to the shared zod schema. */
function toInput(values: TProductFormValues, storeId: string): TCreateProductInput {
  const options = values.options
    .filter((o) => o.name.trim() !== '' || o.values.length > 0)
    .map((o) => ({ name: o.name.trim(), values: o.values }));
  return {
    storeId,
    title: values.title,
    description: values.description,
    categoryId: values.categoryId || null,
    price: amount(values.price, values.currency),
    compareAtPrice: parseMajorToMinor(values.compareAtPrice, values.currency),
    currency: values.currency,
    options,
    variants: values.variants.map((v) => ({
      id: v.id,
      options: v.options,
      sku: v.sku.trim() || null,
      price: parseMajorToMinor(v.price, values.currency),
      stock: v.stock.trim() === '' ? Number.NaN : Number(v.stock),
    })),
    imageMediaIds: values.photos.map((p) => p.mediaId),
  };
}

/** A variant that does not match its options only matters when the options themselves are fine. */
function withoutKnockOnErrors(fields: Record<string, string>): Record<string, string> {
  if (!Object.keys(fields).some((k) => k.startsWith('options'))) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !/^variants\.\d+\.options$/.test(k)));
}

function orderedCategories(categories: TCategory[], locale: string) {
  const name = (c: TCategory) => (locale === 'en' ? c.nameEn : c.nameEs);
  const roots = categories.filter((c) => !c.parentId);
  const out: { id: string; label: string }[] = [];
  for (const r of roots) {
    out.push({ id: r.id, label: name(r) });
    for (const c of categories.filter((c) => c.parentId === r.id)) out.push({ id: c.id, label: `   ${name(c)}` });
  }
  for (const c of categories) if (!out.some((o) => o.id === c.id)) out.push({ id: c.id, label: name(c) });
  return out;
}

type Props = {
  storeId: string;
  storeSlug: string;
  categories: TCategory[];
  maxPhotos: number;
  initial: TProductFormValues;
  /** Present when editing. */
  product?: { id: string; slug: string; status: 'active' | 'archived' };
  /** Shown once after creating ("Producto creado"). */
  justCreated?: boolean;
};

export function ProductEditor({ storeId, storeSlug, categories, maxPhotos, initial, product, justCreated }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.editor');
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<TAppErrorInfo | null>(null);
  const [status, setStatus] = useState(product?.status);
  // The public address follows the title (the server re-slugs on rename).
  const [productSlug, setProductSlug] = useState(product?.slug);
  const [saved, setSaved] = useState<'created' | 'updated' | 'archived' | 'restored' | null>(justCreated ? 'created' : null);
  const [bulkStock, setBulkStock] = useState('');
  const [showSku, setShowSku] = useState(() => initial.variants.length > 1 && initial.variants.some((v) => v.sku.trim() !== ''));

  const form = useForm<TProductFormValues>({ defaultValues: initial });
  const { register, control, setValue, getValues, reset, formState } = form;
  const variantsArray = useFieldArray({ control, name: 'variants', keyName: 'key' });
  const [currency, options, variants, title, photos, priceText, compareText] = useWatch({
    control,
    name: ['currency', 'options', 'variants', 'title', 'photos', 'price', 'compareAtPrice'],
  });
  const basePrice = parseMajorToMinor(priceText, currency);
  const mediaUrl = useMediaUrl();

  // "?creado=1" is for this one view; a reload should not announce it again.
  useEffect(() => {
    if (justCreated) window.history.replaceState(null, '', window.location.pathname);
  }, [justCreated]);

  const clear = (...paths: string[]) =>
    setErrors((e) => {
      if (!paths.some((p) => e[p])) return e;
      const next = { ...e };
      for (const p of paths) delete next[p];
      return next;
    });

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!formState.isDirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [formState.isDirty]);

  function setOptions(next: TOptionRow[]) {
    const regenerated = regenerateVariants(getValues('options'), next, getValues('variants'));
    setValue('options', next, { shouldDirty: true });
    variantsArray.replace(regenerated);
    setErrors((e) =>
      Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('options') && !k.startsWith('variants'))),
    );
  }

  const invalidate = () => {
    void queryClient.invalidateQueries(trpc.product.list.pathFilter());
    void queryClient.invalidateQueries(trpc.store.counts.queryFilter({ storeId }));
    void queryClient.invalidateQueries(trpc.plan.usage.queryFilter());
  };

  const showServerError = (err: unknown) => {
    const info = appErrorOf(err);
    const fields = withoutKnockOnErrors(info.fields);
    setErrors(fields);
    const onFields = Object.keys(fields).length > 0 && !limitDetailsOf(info);
    setFormError(onFields ? { ...info, message: t('checkFields') } : info);
    focusFirstError(fields);
  };

  const create = useMutation(
    trpc.product.create.mutationOptions({
      onSuccess: (p) => {
        invalidate();
        reset(getValues()); // not dirty any more: no "leave page?" prompt on the redirect
        router.push(`/dashboard/tiendas/${storeId}/productos/${p.id}?creado=1`);
      },
      onError: showServerError,
    }),
  );
  const update = useMutation(
    trpc.product.update.mutationOptions({
      onSuccess: async (p) => {
        invalidate();
        setProductSlug(p.slug);
        // Reload so new variants carry their ids for the next save.
        const fresh = await queryClient.fetchQuery(trpc.product.get.queryOptions({ storeId, productId: p.id }, { staleTime: 0 }));
        reset(productToForm(fresh, (key) => mediaUrl(key) ?? ''));
        setSaved('updated');
      },
      onError: showServerError,
    }),
  );
  const archive = useMutation(
    trpc.product.archive.mutationOptions({
      onSuccess: () => {
        setStatus('archived');
        setSaved('archived');
        setFormError(null);
        invalidate();
      },
      onError: showServerError,
    }),
  );
  const restore = useMutation(
    trpc.product.restore.mutationOptions({
      onSuccess: () => {
        setStatus('active');
        setSaved('restored');
        setFormError(null);
        invalidate();
      },
      onError: showServerError,
    }),
  );
  const saving = create.isPending || update.isPending || create.isSuccess;

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(null);
    setFormError(null);
    const input = toInput(getValues(), storeId);
    const schema = product ? ZUpdateProductInput : ZCreateProductInput;
    const parsed = schema.safeParse(product ? { ...input, productId: product.id } : input);
    if (!parsed.success) {
      const fields = withoutKnockOnErrors(issuesToFields(parsed.error.issues));
      // zod runs the cross-field rules only once every field parses; show this one right away too.
      const cmp = input.compareAtPrice;
      if (!fields.compareAtPrice && cmp != null && !Number.isNaN(cmp) && !Number.isNaN(input.price) && cmp <= input.price) {
        fields.compareAtPrice = t('compareGreater');
      }
      setErrors(fields);
      setFormError({ message: t('checkFields'), fields });
      focusFirstError(fields);
      return;
    }
    setErrors({});
    if (product) update.mutate({ ...input, productId: product.id });
    else create.mutate(input);
  }

  const categoryOptions = useMemo(() => orderedCategories(categories, locale), [categories, locale]);
  const hasOptions = variants.length > 1 || Object.keys(variants[0]?.options ?? {}).length > 0;
  const limit = formError ? limitDetailsOf(formError) : null;
  const variantsError = errors.variants;
  const totalStock = variants.reduce((sum, v) => sum + (Number.parseInt(v.stock, 10) || 0), 0);
  const publicHref = productSlug ? `/s/${storeSlug}/p/${productSlug}` : null;
  const err = (path: string) => errors[path];
  const optionOrder = generatingOptions(options).map((o) => o.name);
  const skuVisible = showSku || Object.keys(errors).some((k) => /^variants\.\d+\.sku$/.test(k));
  const variantCols = skuVisible ? 'md:grid-cols-[minmax(0,1fr)_6.5rem_10rem_9rem]' : 'md:grid-cols-[minmax(0,1fr)_6.5rem_10rem]';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {saved ? <SavedBanner kind={saved} storeId={storeId} onClose={() => setSaved(null)} /> : null}
      {status === 'archived' ? (
        <p className="rounded-2xl border border-zinc-300 bg-zinc-100 p-3 text-sm text-zinc-800">
          {t.rich('archivedNote', { b: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}

      {/* Phones: one column in reading order (photos, info, price, variants, organisation) via `order`; desktop: two columns. */}
      <div className="flex flex-col gap-5 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
          <Card className="order-1">
            <PhotoUploader
              value={photos}
              onChange={(next) => {
                setValue('photos', next, { shouldDirty: true });
                clear('imageMediaIds');
              }}
              storeId={storeId}
              max={maxPhotos}
              label={t('photos')}
              error={err('imageMediaIds') ?? Object.entries(errors).find(([k]) => k.startsWith('imageMediaIds.'))?.[1]}
            />
          </Card>

          <Card className="order-2 space-y-5">
            <h2 className="text-base font-semibold text-zinc-900">{t('info')}</h2>
            <Field id="p-title" label={t('title')} error={err('title')}>
              <input
                id="p-title"
                {...register('title', { onChange: () => clear('title') })}
                maxLength={140}
                placeholder={t('titlePlaceholder')}
                className={inputClass}
                aria-invalid={err('title') ? true : undefined}
                aria-describedby={describedBy('p-title', { error: err('title') })}
              />
            </Field>
            <Field
              id="p-description"
              label={t('description')}
              optional
              hint={t('descriptionHint')}
              error={err('description')}
            >
              <textarea
                id="p-description"
                {...register('description', { onChange: () => clear('description') })}
                rows={5}
                maxLength={5000}
                className={`${inputClass} resize-y`}
                aria-invalid={err('description') ? true : undefined}
                aria-describedby={describedBy('p-description', { hint: true, error: err('description') })}
              />
            </Field>
          </Card>

          <Card className="order-4 space-y-4">
            <div>
              <h2 className="text-base font-semibold text-zinc-900">{t('variantsTitle')}</h2>
              <p className="mt-0.5 text-sm text-zinc-600">{t('variantsText')}</p>
            </div>
            <OptionsEditor options={options} onChange={setOptions} errors={errors} />
            <FieldError message={variantsError} />

            {!hasOptions ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id="p-stock" label={t('stock')} error={err('variants.0.stock')} hint={t('stockHint')}>
                  <input
                    id="p-stock"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    {...register('variants.0.stock', { onChange: () => clear('variants.0.stock') })}
                    className={inputClass}
                    aria-invalid={err('variants.0.stock') ? true : undefined}
                    aria-describedby={describedBy('p-stock', { hint: true, error: err('variants.0.stock') })}
                  />
                </Field>
                <Field id="p-sku" label={t('sku')} optional error={err('variants.0.sku')} hint={t('skuHint')}>
                  <input
                    id="p-sku"
                    {...register('variants.0.sku', { onChange: () => clear('variants.0.sku') })}
                    maxLength={64}
                    className={inputClass}
                    aria-describedby={describedBy('p-sku', { hint: true, error: err('variants.0.sku') })}
                  />
                </Field>
              </div>
            ) : (
              <div className="space-y-3">
                <div className="flex flex-wrap items-end justify-between gap-3">
                  <p className="text-sm text-zinc-700">
                    {t.rich('variantCount', {
                      variants: variants.length,
                      units: totalStock,
                      b: (chunks) => <span className="font-semibold">{chunks}</span>,
                      s: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
                    })}
                  </p>
                  <div className="flex items-end gap-2">
                    <div>
                      <label htmlFor="p-bulk-stock" className="block text-xs font-medium text-zinc-700">
                        {t('sameStock')}
                      </label>
                      <input
                        id="p-bulk-stock"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        value={bulkStock}
                        onChange={(e) => setBulkStock(e.target.value)}
                        className="mt-1 block h-11 w-24 rounded-xl border border-zinc-300 bg-white px-3 text-base outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500"
                      />
                    </div>
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      disabled={bulkStock.trim() === ''}
                      onClick={() => {
                        variants.forEach((_, i) => setValue(`variants.${i}.stock`, bulkStock.trim(), { shouldDirty: true }));
                        setErrors((e) =>
                          Object.fromEntries(Object.entries(e).filter(([k]) => !/^variants\.\d+\.stock$/.test(k))),
                        );
                      }}
                    >
                      {t('apply')}
                    </button>
                  </div>
                </div>
                <div className="overflow-hidden rounded-xl border border-zinc-200">
                  <div
                    aria-hidden="true"
                    className={`hidden gap-3 bg-zinc-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 md:grid ${variantCols}`}
                  >
                    <span>{t('colVariant')}</span>
                    <span>{t('colStock')}</span>
                    <span>{t('colPrice')}</span>
                    {skuVisible ? <span>{t('colSku')}</span> : null}
                  </div>
                  <ul className="divide-y divide-zinc-100">
                    {variantsArray.fields.map((field, i) => {
                      const label = variantLabel(field.options, optionOrder);
                      const stockErr = err(`variants.${i}.stock`);
                      const priceErr = err(`variants.${i}.price`);
                      const skuErr = err(`variants.${i}.sku`);
                      const optErr = err(`variants.${i}.options`);
                      return (
                        <li key={field.key} className={`grid grid-cols-2 gap-x-3 gap-y-2 p-3 md:items-start ${variantCols}`}>
                          <div className="col-span-2 min-w-0 md:col-span-1 md:pt-2.5">
                            <p className="truncate text-sm font-medium text-zinc-900">{label}</p>
                            {field.reserved ? (
                              <p className="text-xs text-zinc-500">{t('reserved', { count: field.reserved })}</p>
                            ) : null}
                            <FieldError message={optErr} />
                          </div>
                          <div>
                            <label htmlFor={`v-stock-${i}`} className="mb-1 block text-xs text-zinc-600 md:sr-only">
                              {t('stock')}
                              <span className="sr-only">{t('stockOf', { label })}</span>
                            </label>
                            <input
                              id={`v-stock-${i}`}
                              type="number"
                              inputMode="numeric"
                              min={field.reserved ?? 0}
                              step={1}
                              {...register(`variants.${i}.stock`, { onChange: () => clear(`variants.${i}.stock`) })}
                              aria-invalid={stockErr ? true : undefined}
                              aria-describedby={stockErr ? `v-stock-${i}-error` : undefined}
                              className="block h-11 w-full rounded-xl border border-zinc-300 bg-white px-3 text-base tabular-nums outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500 aria-[invalid=true]:border-red-500"
                            />
                            <FieldError id={`v-stock-${i}-error`} message={stockErr} />
                          </div>
                          <div>
                            <label htmlFor={`v-price-${i}`} className="mb-1 block text-xs text-zinc-600 md:sr-only">
                              {t('colPrice')}
                              <span className="sr-only">{t('ownPriceOf', { label })}</span>
                            </label>
                            <MoneyInput
                              id={`v-price-${i}`}
                              currency={currency}
                              placeholder={
                                basePrice !== null && !Number.isNaN(basePrice) ? minorToMajorText(basePrice, currency) : t('same')
                              }
                              {...register(`variants.${i}.price`, { onChange: () => clear(`variants.${i}.price`) })}
                              invalid={Boolean(priceErr)}
                              aria-describedby={priceErr ? `v-price-${i}-error` : undefined}
                            />
                            <FieldError id={`v-price-${i}-error`} message={priceErr} />
                          </div>
                          {skuVisible ? (
                            <div className="col-span-2 md:col-span-1">
                              <label htmlFor={`v-sku-${i}`} className="mb-1 block text-xs text-zinc-600 md:sr-only">
                                {t('sku')}
                                <span className="sr-only">{t('ownPriceOf', { label })}</span>
                              </label>
                              <input
                                id={`v-sku-${i}`}
                                {...register(`variants.${i}.sku`, { onChange: () => clear(`variants.${i}.sku`) })}
                                maxLength={64}
                                placeholder={t('optionalPlaceholder')}
                                aria-invalid={skuErr ? true : undefined}
                                className="block h-11 w-full rounded-xl border border-zinc-300 bg-white px-3 text-base outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500 aria-[invalid=true]:border-red-500"
                              />
                              <FieldError message={skuErr} />
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-xs text-zinc-500">{t('ownPriceHint')}</p>
                  <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm text-zinc-700">
                    <input
                      type="checkbox"
                      checked={showSku}
                      onChange={(e) => setShowSku(e.target.checked)}
                      className="size-5 rounded border-zinc-300 accent-violet-600"
                    />
                    {t('skuPerVariant')}
                  </label>
                </div>
              </div>
            )}
          </Card>
        </div>

        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
          <Card className="order-3 space-y-4">
            <h2 className="text-base font-semibold text-zinc-900">{t('price')}</h2>
            <Field id="p-currency" label={t('currency')} error={err('currency')}>
              <select
                id="p-currency"
                {...register('currency', { onChange: () => clear('currency', 'price', 'compareAtPrice') })}
                className={inputClass}
                aria-describedby={describedBy('p-currency', { error: err('currency') })}
              >
                {currencyOptions(locale).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="p-price"
              label={t('price')}
              error={err('price')}
              hint={minorUnitDigits(currency) ? t('priceHint', { digits: minorUnitDigits(currency) }) : t('noDecimals')}
            >
              <MoneyInput
                id="p-price"
                currency={currency}
                {...register('price', { onChange: () => clear('price', 'compareAtPrice') })}
                invalid={Boolean(err('price'))}
                aria-describedby={describedBy('p-price', { hint: true, error: err('price') })}
              />
            </Field>
            <Field
              id="p-compare"
              label={t('compareAt')}
              optional
              hint={t('compareAtHint')}
              error={err('compareAtPrice')}
            >
              <MoneyInput
                id="p-compare"
                currency={currency}
                {...register('compareAtPrice', { onChange: () => clear('compareAtPrice') })}
                invalid={Boolean(err('compareAtPrice'))}
                aria-describedby={describedBy('p-compare', { hint: true, error: err('compareAtPrice') })}
              />
            </Field>
            <PricePreview price={basePrice} compareAt={parseMajorToMinor(compareText, currency)} currency={currency} />
          </Card>

          <Card className="order-5 space-y-4">
            <h2 className="text-base font-semibold text-zinc-900">{t('organisation')}</h2>
            <Field
              id="p-category"
              label={t('category')}
              optional
              error={err('categoryId')}
              hint={t('categoryHint')}
            >
              <select
                id="p-category"
                {...register('categoryId', { onChange: () => clear('categoryId') })}
                className={inputClass}
                aria-describedby={describedBy('p-category', { hint: true, error: err('categoryId') })}
              >
                <option value="">{t('noCategory')}</option>
                {categoryOptions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </Field>
            {product ? (
              <div className="space-y-2 border-t border-zinc-100 pt-4">
                <p className="text-sm text-zinc-700">
                  {t('status')}{' '}
                  <span className={`font-semibold ${status === 'archived' ? 'text-zinc-600' : 'text-emerald-700'}`}>
                    {status === 'archived' ? t('archived') : t('active')}
                  </span>
                </p>
                {status === 'archived' ? (
                  <button
                    type="button"
                    onClick={() => restore.mutate({ storeId, productId: product.id })}
                    disabled={restore.isPending}
                    className={`${buttonClass.secondary} w-full`}
                  >
                    {restore.isPending ? t('restoring') : t('restore')}
                  </button>
                ) : (
                  <button
                    type="button"
                    onClick={() => archive.mutate({ storeId, productId: product.id })}
                    disabled={archive.isPending}
                    className={`${buttonClass.danger} w-full`}
                  >
                    {archive.isPending ? t('archiving') : t('archive')}
                  </button>
                )}
                {publicHref && status === 'active' ? (
                  <Link href={publicHref} target="_blank" rel="noopener" className={`${buttonClass.ghost} w-full`}>
                    <ExternalIcon className="size-4" />
                    {t('viewInStore')}
                    <span className="sr-only">{t('newTab')}</span>
                  </Link>
                ) : null}
              </div>
            ) : null}
          </Card>
        </div>
      </div>

      {formError ? (
        limit ? (
          <LimitNotice
            details={limit}
            context={product ? t('restoreFailed') : t('createFailed')}
          />
        ) : (
          <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            {formError.message}
          </p>
        )
      ) : null}

      {/* Save bar: stays above the phone's bottom navigation while scrolling the long form. */}
      <div className="sticky bottom-[calc(4.25rem+env(safe-area-inset-bottom))] z-20 -mx-4 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:bottom-0 lg:mx-0 lg:rounded-2xl lg:border lg:shadow-sm">
        <div className="flex items-center gap-3">
          <p className="hidden min-w-0 flex-1 truncate text-sm text-zinc-600 sm:block">
            {formState.isDirty ? t('unsaved') : product ? t('allSaved') : title ? t('newNamed', { title }) : t('newProduct')}
          </p>
          <Link href={`/dashboard/tiendas/${storeId}/productos`} className={`${buttonClass.secondary} flex-1 sm:flex-none`}>
            {product ? t('back') : t('cancel')}
          </Link>
          <button type="submit" disabled={saving} className={`${buttonClass.primary} flex-[2] sm:flex-none`}>
            {saving ? t('saving') : product ? t('saveChanges') : t('create')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** After errors render: focus the first invalid control, or bring the first message into view. */
function focusFirstError(fields: Record<string, string>) {
  if (!Object.keys(fields).length) return;
  setTimeout(() => {
    const el =
      document.querySelector<HTMLElement>('form [aria-invalid="true"]') ??
      document.querySelector<HTMLElement>('form [role="alert"]');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (el?.matches('input, select, textarea')) el.focus({ preventScroll: true });
  }, 50);
}

function PricePreview({ price, compareAt, currency }: { price: number | null; compareAt: number | null; currency: string }) {
  const t = useTranslations('dashboard.editor');
  const formatMoney = useMoney();
  if (price === null || Number.isNaN(price)) return null;
  const validCompare = compareAt !== null && !Number.isNaN(compareAt) && compareAt > price;
  return (
    <p className="rounded-xl bg-zinc-50 p-3 text-sm text-zinc-700">
      {t.rich('preview', { price: formatMoney(price, currency), b: (chunks) => <span className="font-semibold text-zinc-900">{chunks}</span> })}
      {validCompare ? <s className="ml-2 text-zinc-500">{formatMoney(compareAt, currency)}</s> : null}
    </p>
  );
}

function SavedBanner({
  kind,
  storeId,
  onClose,
}: {
  kind: 'created' | 'updated' | 'archived' | 'restored';
  storeId: string;
  onClose: () => void;
}) {
  const t = useTranslations('dashboard.editor');
  const text = t(`saved.${kind}`);
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-2xl border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
    >
      <span className="font-medium">{text}</span>
      {kind === 'created' ? (
        <Link
          href={`/dashboard/tiendas/${storeId}/productos/nuevo`}
          className="inline-flex min-h-11 items-center font-semibold underline"
        >
          {t('addAnother')}
        </Link>
      ) : null}
      <button
        type="button"
        onClick={onClose}
        className="ml-auto inline-flex min-h-11 items-center rounded-xl px-3 font-medium hover:bg-emerald-100"
      >
        {t('close')}
      </button>
    </div>
  );
}
