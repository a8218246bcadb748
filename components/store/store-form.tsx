'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Path, type Resolver } from 'react-hook-form';
import { LogoUploader } from '@/components/media/logo-uploader';
import { useTRPC } from '@/components/providers/trpc';
import { buttonClass, Card, describedBy, Field, FieldError, inputClass } from '@/components/dashboard/field';
import { LimitNotice } from '@/components/dashboard/limit-notice';
import { readableOn, StoreAvatar } from '@/components/dashboard/store-avatar';
import { appErrorOf, limitDetailsOf, withLocalizedMessages, type TAppErrorInfo } from '@/components/dashboard/trpc-error';
import { useDebounced } from '@/components/dashboard/use-debounced';
import type { TMediaRef } from '@/server/services/media/schemas';
import { ZCreateStoreInput, ZStoreSlug, ZUpdateStoreInput } from '@/server/services/stores/schemas';
import { currencyOptions, type TStoreCurrency } from './currency';

export type TStoreFormValues = {
  name: string;
  slug: string;
  description: string;
  logoMediaId: string | null;
  brandColor: string;
  whatsapp: string;
  currency: TStoreCurrency;
};

type Props =
  | { mode: 'create'; defaults: TStoreFormValues }
  | { mode: 'edit'; storeId: string; defaults: TStoreFormValues; logo: TMediaRef | null };

const SWATCHES = ['#7c3aed', '#db2777', '#dc2626', '#ea580c', '#16a34a', '#0891b2', '#2563eb', '#18181b'];
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Open a store / edit it. Field errors from zod (client and server) appear next to their fields. */
export function StoreForm(props: Props) {
  const { mode, defaults } = props;
  const storeId = props.mode === 'edit' ? props.storeId : undefined;
  const trpc = useTRPC();
  const t = useTranslations('dashboard.storeForm');
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [logo, setLogo] = useState<TMediaRef | null>(props.mode === 'edit' ? props.logo : null);
  const [formError, setFormError] = useState<TAppErrorInfo | null>(null);
  const [conflictSuggestion, setConflictSuggestion] = useState<string | null>(null);
  // Until the seller types a slug, it follows the name. An existing store keeps its address unless edited.
  const [slugTouched, setSlugTouched] = useState(mode === 'edit');

  const schema = mode === 'create' ? ZCreateStoreInput : ZUpdateStoreInput.omit({ storeId: true });
  const form = useForm<TStoreFormValues>({
    resolver: withLocalizedMessages(zodResolver(schema as typeof ZCreateStoreInput)) as unknown as Resolver<TStoreFormValues>,
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const { register, handleSubmit, setValue, setError, control, formState } = form;
  const errors = formState.errors;
  const [name, slug, brandColor, description] = useWatch({ control, name: ['name', 'slug', 'brandColor', 'description'] });

  // Name → suggested slug (debounced), while the slug has not been edited by hand.
  const debouncedName = useDebounced(name.trim(), 350);
  const nameSuggestion = useQuery({
    ...trpc.store.suggestSlug.queryOptions({ name: debouncedName, storeId }),
    enabled: !slugTouched && debouncedName.length > 0,
  });
  useEffect(() => {
    if (!slugTouched && nameSuggestion.data) {
      setValue('slug', nameSuggestion.data.slug, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    }
  }, [nameSuggestion.data, slugTouched, setValue, formState.isSubmitted]);

  // Slug → availability (debounced). suggestSlug answers with the first free slug for that text.
  const debouncedSlug = useDebounced(slug.trim().toLowerCase(), 350);
  const slugValid = ZStoreSlug.safeParse(debouncedSlug).success;
  const unchangedSlug = mode === 'edit' && debouncedSlug === defaults.slug;
  const slugCheck = useQuery({
    ...trpc.store.suggestSlug.queryOptions({ name: debouncedSlug, storeId }),
    enabled: slugValid && !unchangedSlug,
  });
  const slugSettled = debouncedSlug === slug.trim().toLowerCase() && !slugCheck.isFetching;
  const slugStatus: 'checking' | 'available' | 'taken' | null =
    !slugValid || unchangedSlug || !!errors.slug
      ? null
      : !slugSettled || !slugCheck.data
        ? 'checking'
        : slugCheck.data.slug === debouncedSlug
          ? 'available'
          : !slugCheck.data.available
            ? 'taken'
            : null;
  const suggestion = slugStatus === 'taken' ? slugCheck.data?.slug : conflictSuggestion;

  const acceptSuggestion = (s: string) => {
    setSlugTouched(true);
    setConflictSuggestion(null);
    setValue('slug', s, { shouldDirty: true, shouldValidate: true });
  };

  const onSuccess = (store: { id: string }) => {
    void queryClient.invalidateQueries(trpc.store.pathFilter());
    void queryClient.invalidateQueries(trpc.plan.usage.queryFilter());
    router.push(`/dashboard?tienda=${store.id}`);
    router.refresh();
  };
  const onError = (err: unknown) => {
    const info = appErrorOf(err);
    for (const [path, message] of Object.entries(info.fields)) {
      if (path in defaults) setError(path as Path<TStoreFormValues>, { type: 'server', message }, { shouldFocus: true });
    }
    const s = info.details?.suggestion;
    setConflictSuggestion(info.appCode === 'CONFLICT' && typeof s === 'string' ? s : null);
    const shownOnFields = Object.keys(info.fields).some((p) => p in defaults);
    setFormError(shownOnFields && !limitDetailsOf(info) ? null : info);
  };
  const create = useMutation(trpc.store.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.store.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    setConflictSuggestion(null);
    if (props.mode === 'create') {
      create.mutate(values as Parameters<typeof create.mutate>[0]);
    } else {
      // Only what changed: an untouched logo is not re-checked, an untouched slug is not re-claimed.
      const dirty = formState.dirtyFields;
      const patch = Object.fromEntries(Object.entries(values).filter(([k]) => dirty[k as keyof TStoreFormValues]));
      update.mutate({ storeId: props.storeId, ...patch } as Parameters<typeof update.mutate>[0]);
    }
  });

  const limit = formError ? limitDetailsOf(formError) : null;
  const validHex = HEX.test(brandColor) ? brandColor : defaults.brandColor;
  const slugInputId = 'store-slug';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-zinc-900">{t('details')}</h2>
        <Field id="store-name" label={t('name')} error={errors.name?.message}>
          <input
            id="store-name"
            {...register('name')}
            autoComplete="organization"
            placeholder={t('namePlaceholder')}
            maxLength={60}
            className={inputClass}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('store-name', { error: errors.name?.message })}
          />
        </Field>

        <div className="space-y-1.5">
          <label htmlFor={slugInputId} className="block text-sm font-medium text-zinc-800">
            {t('slug')}
          </label>
          <div
            className={`flex min-h-11 items-stretch overflow-hidden rounded-xl border bg-white focus-within:ring-2 focus-within:ring-violet-500 ${
              errors.slug ? 'border-red-500' : 'border-zinc-300'
            }`}
          >
            <span className="flex items-center border-r border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-600" aria-hidden="true">
              vita/s/
            </span>
            <input
              id={slugInputId}
              {...register('slug', {
                onChange: (e) => {
                  setSlugTouched(true);
                  setConflictSuggestion(null);
                  const v = String(e.target.value);
                  const normal = v.toLowerCase().replace(/\s+/g, '-');
                  if (normal !== v) setValue('slug', normal);
                },
              })}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              maxLength={48}
              placeholder={t('slugPlaceholder')}
              className="w-full min-w-0 flex-1 bg-transparent px-3 py-2 text-base outline-none"
              aria-invalid={errors.slug ? true : undefined}
              aria-describedby={`${slugInputId}-status ${errors.slug ? `${slugInputId}-error` : ''}`}
            />
          </div>
          <div id={`${slugInputId}-status`} aria-live="polite" className="min-h-5 text-sm">
            {slugStatus === 'checking' ? (
              <span className="text-zinc-500">{t('checking')}</span>
            ) : slugStatus === 'available' ? (
              <span className="font-medium text-emerald-700">{t('available')}</span>
            ) : slugStatus === 'taken' && suggestion ? (
              <span className="flex flex-wrap items-center gap-x-2 text-amber-800">
                <span>{t('taken', { suggestion })}</span>
              </span>
            ) : unchangedSlug && !errors.slug ? (
              <span className="text-zinc-500">{t('current')}</span>
            ) : !slugTouched ? (
              <span className="text-zinc-500">{t('suggested')}</span>
            ) : null}
          </div>
          <FieldError id={`${slugInputId}-error`} message={errors.slug?.message} />
          {suggestion && suggestion !== slug ? (
            <button type="button" onClick={() => acceptSuggestion(suggestion)} className={`${buttonClass.secondary} px-3`}>
              {t('use', { suggestion })}
            </button>
          ) : null}
          {mode === 'create' && slugTouched ? (
            <button
              type="button"
              onClick={() => setSlugTouched(false)}
              className="ml-1 inline-flex min-h-11 items-center text-sm font-medium text-violet-700 underline focus-visible:outline-2 focus-visible:outline-violet-600"
            >
              {t('suggestFromName')}
            </button>
          ) : null}
          {mode === 'edit' && slug.trim().toLowerCase() !== defaults.slug ? (
            <p className="text-xs text-amber-800">
              {t('oldLinks')}
            </p>
          ) : null}
        </div>

        <Field
          id="store-description"
          label={t('description')}
          optional
          hint={t('descriptionHint', { count: description.length })}
          error={errors.description?.message}
        >
          <textarea
            id="store-description"
            {...register('description')}
            rows={4}
            maxLength={1000}
            placeholder={t('descriptionPlaceholder')}
            className={`${inputClass} resize-y`}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('store-description', { hint: true, error: errors.description?.message })}
          />
        </Field>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-zinc-900">{t('brand')}</h2>
        <LogoUploader
          value={logo}
          onChange={(next) => {
            setLogo(next);
            setValue('logoMediaId', next?.mediaId ?? null, { shouldDirty: true });
          }}
          storeId={storeId}
          label={t('logo')}
          error={errors.logoMediaId?.message}
        />

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">{t('brandColor')}</legend>
          <div className="flex flex-wrap items-center gap-3">
            <label className="relative size-11 shrink-0 cursor-pointer overflow-hidden rounded-xl ring-1 ring-zinc-300 focus-within:ring-2 focus-within:ring-violet-500">
              <span className="sr-only">{t('pickColor')}</span>
              <input
                type="color"
                value={validHex.toLowerCase()}
                onChange={(e) => setValue('brandColor', e.target.value, { shouldDirty: true, shouldValidate: true })}
                className="absolute -inset-2 size-[calc(100%+1rem)] cursor-pointer border-0 p-0"
              />
            </label>
            <div className="w-32">
              <label htmlFor="store-color" className="sr-only">
                {t('hexColor')}
              </label>
              <input
                id="store-color"
                {...register('brandColor')}
                maxLength={7}
                autoCapitalize="none"
                spellCheck={false}
                className={`${inputClass} font-mono uppercase`}
                aria-invalid={errors.brandColor ? true : undefined}
                aria-describedby={errors.brandColor ? 'store-color-error' : undefined}
              />
            </div>
            <div className="flex flex-wrap gap-1.5" role="group" aria-label={t('swatches')}>
              {SWATCHES.map((c) => (
                <button
                  key={c}
                  type="button"
                  onClick={() => setValue('brandColor', c, { shouldDirty: true, shouldValidate: true })}
                  aria-label={t('useColor', { color: c })}
                  aria-pressed={validHex.toLowerCase() === c}
                  className="group flex size-11 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-violet-600"
                >
                  <span
                    className="block size-7 rounded-full ring-1 ring-black/10 ring-offset-2 group-aria-pressed:ring-2 group-aria-pressed:ring-zinc-900"
                    style={{ backgroundColor: c }}
                  />
                </button>
              ))}
            </div>
          </div>
          <FieldError id="store-color-error" message={errors.brandColor?.message} />
          <BrandPreview name={name || t('yourStore')} color={validHex} logoUrl={logo?.url ?? null} />
        </fieldset>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-zinc-900">{t('contact')}</h2>
        <Field
          id="store-whatsapp"
          label="WhatsApp"
          optional
          hint={t('whatsappHint')}
          error={errors.whatsapp?.message}
        >
          <input
            id="store-whatsapp"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            {...register('whatsapp')}
            placeholder="+51 987 654 321"
            className={inputClass}
            aria-invalid={errors.whatsapp ? true : undefined}
            aria-describedby={describedBy('store-whatsapp', { hint: true, error: errors.whatsapp?.message })}
          />
        </Field>
        <Field
          id="store-currency"
          label={t('currency')}
          hint={t('currencyHint')}
          error={errors.currency?.message}
        >
          <select
            id="store-currency"
            {...register('currency')}
            className={inputClass}
            aria-invalid={errors.currency ? true : undefined}
            aria-describedby={describedBy('store-currency', { hint: true, error: errors.currency?.message })}
          >
            {currencyOptions(locale).map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      </Card>

      {formError ? (
        limit ? (
          <LimitNotice details={limit} context={t('openFailed')} />
        ) : (
          <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            {formError.message}
          </p>
        )
      ) : null}
      {Object.keys(errors).length > 0 && formState.isSubmitted ? (
        <p role="alert" className="text-sm text-red-700">
          {t('checkFields')}
        </p>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={storeId ? `/dashboard?tienda=${storeId}` : '/dashboard'} className={buttonClass.secondary}>
          {t('cancel')}
        </Link>
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? t('saving') : mode === 'create' ? t('open') : t('saveChanges')}
        </button>
      </div>
    </form>
  );
}

/** How the store header will look with this colour and logo. */
function BrandPreview({ name, color, logoUrl }: { name: string; color: string; logoUrl: string | null }) {
  const t = useTranslations('dashboard.storeForm');
  const fg = readableOn(color);
  return (
    <div className="mt-2 overflow-hidden rounded-2xl border border-zinc-200" aria-label={t('preview')}>
      <div className="flex items-center gap-3 p-3" style={{ backgroundColor: color, color: fg }}>
        <StoreAvatar name={name} brandColor={color} logoUrl={logoUrl} size={40} className="rounded-full ring-2 ring-white/80" />
        <span className="min-w-0 truncate font-semibold">{name}</span>
      </div>
      <div className="flex items-center justify-between gap-3 bg-white p-3">
        <span className="text-sm text-zinc-600">{t('preview')}</span>
        <span className="rounded-full px-4 py-2 text-sm font-semibold" style={{ backgroundColor: color, color: fg }}>
          {t('buy')}
        </span>
      </div>
    </div>
  );
}
