'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Path, type Resolver } from 'react-hook-form';
import { LogoUploader } from '@/components/media/logo-uploader';
import { useTRPC } from '@/components/providers/trpc';
import { buttonClass, Card, describedBy, Field, FieldError, inputClass } from '@/components/dashboard/field';
import { LimitNotice } from '@/components/dashboard/limit-notice';
import { readableOn, StoreAvatar } from '@/components/dashboard/store-avatar';
import { appErrorOf, limitDetailsOf, type TAppErrorInfo } from '@/components/dashboard/trpc-error';
import { useDebounced } from '@/components/dashboard/use-debounced';
import type { TMediaRef } from '@/server/services/media/schemas';
import { ZCreateStoreInput, ZStoreSlug, ZUpdateStoreInput } from '@/server/services/stores/schemas';
import { CURRENCY_OPTIONS, type TStoreCurrency } from './currency';

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
  const router = useRouter();
  const queryClient = useQueryClient();
  const [logo, setLogo] = useState<TMediaRef | null>(props.mode === 'edit' ? props.logo : null);
  const [formError, setFormError] = useState<TAppErrorInfo | null>(null);
  const [conflictSuggestion, setConflictSuggestion] = useState<string | null>(null);
  // Until the seller types a slug, it follows the name. An existing store keeps its address unless edited.
  const [slugTouched, setSlugTouched] = useState(mode === 'edit');

  const schema = mode === 'create' ? ZCreateStoreInput : ZUpdateStoreInput.omit({ storeId: true });
  const form = useForm<TStoreFormValues>({
    resolver: zodResolver(schema as typeof ZCreateStoreInput) as unknown as Resolver<TStoreFormValues>,
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
        <h2 className="text-base font-semibold text-zinc-900">Datos de la tienda</h2>
        <Field id="store-name" label="Nombre de la tienda" error={errors.name?.message}>
          <input
            id="store-name"
            {...register('name')}
            autoComplete="organization"
            placeholder="Por ejemplo: Tejidos Quispe"
            maxLength={60}
            className={inputClass}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('store-name', { error: errors.name?.message })}
          />
        </Field>

        <div className="space-y-1.5">
          <label htmlFor={slugInputId} className="block text-sm font-medium text-zinc-800">
            Dirección de tu tienda
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
              placeholder="tu-tienda"
              className="w-full min-w-0 flex-1 bg-transparent px-3 py-2 text-base outline-none"
              aria-invalid={errors.slug ? true : undefined}
              aria-describedby={`${slugInputId}-status ${errors.slug ? `${slugInputId}-error` : ''}`}
            />
          </div>
          <div id={`${slugInputId}-status`} aria-live="polite" className="min-h-5 text-sm">
            {slugStatus === 'checking' ? (
              <span className="text-zinc-500">Comprobando…</span>
            ) : slugStatus === 'available' ? (
              <span className="font-medium text-emerald-700">✓ Disponible</span>
            ) : slugStatus === 'taken' && suggestion ? (
              <span className="flex flex-wrap items-center gap-x-2 text-amber-800">
                <span>En uso — sugerencia: {suggestion}</span>
              </span>
            ) : unchangedSlug && !errors.slug ? (
              <span className="text-zinc-500">Tu dirección actual.</span>
            ) : !slugTouched ? (
              <span className="text-zinc-500">Se sugiere a partir del nombre; puedes cambiarla.</span>
            ) : null}
          </div>
          <FieldError id={`${slugInputId}-error`} message={errors.slug?.message} />
          {suggestion && suggestion !== slug ? (
            <button type="button" onClick={() => acceptSuggestion(suggestion)} className={`${buttonClass.secondary} px-3`}>
              Usar «{suggestion}»
            </button>
          ) : null}
          {mode === 'create' && slugTouched ? (
            <button
              type="button"
              onClick={() => setSlugTouched(false)}
              className="ml-1 inline-flex min-h-11 items-center text-sm font-medium text-violet-700 underline focus-visible:outline-2 focus-visible:outline-violet-600"
            >
              Sugerir desde el nombre
            </button>
          ) : null}
          {mode === 'edit' && slug.trim().toLowerCase() !== defaults.slug ? (
            <p className="text-xs text-amber-800">
              Los enlaces que ya compartiste con la dirección anterior dejarán de funcionar.
            </p>
          ) : null}
        </div>

        <Field
          id="store-description"
          label="Descripción"
          optional
          hint={`${description.length}/1000 · Cuéntales a tus clientes qué vendes y qué te hace especial.`}
          error={errors.description?.message}
        >
          <textarea
            id="store-description"
            {...register('description')}
            rows={4}
            maxLength={1000}
            placeholder="Chompas y mantas tejidas a mano con lana de alpaca de Puno."
            className={`${inputClass} resize-y`}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('store-description', { hint: true, error: errors.description?.message })}
          />
        </Field>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-zinc-900">Marca</h2>
        <LogoUploader
          value={logo}
          onChange={(next) => {
            setLogo(next);
            setValue('logoMediaId', next?.mediaId ?? null, { shouldDirty: true });
          }}
          storeId={storeId}
          label="Logo"
          error={errors.logoMediaId?.message}
        />

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Color de marca</legend>
          <div className="flex flex-wrap items-center gap-3">
            <label className="relative size-11 shrink-0 cursor-pointer overflow-hidden rounded-xl ring-1 ring-zinc-300 focus-within:ring-2 focus-within:ring-violet-500">
              <span className="sr-only">Elegir color</span>
              <input
                type="color"
                value={validHex.toLowerCase()}
                onChange={(e) => setValue('brandColor', e.target.value, { shouldDirty: true, shouldValidate: true })}
                className="absolute -inset-2 size-[calc(100%+1rem)] cursor-pointer border-0 p-0"
              />
            </label>
            <div className="w-32">
              <label htmlFor="store-color" className="sr-only">
                Color en hexadecimal
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
            <div className="flex flex-wrap gap-1.5" role="group" aria-label="Colores sugeridos">
              {SWATCHES.map((c) => (
                <button
                  key={c}
                  type="button"
                  onClick={() => setValue('brandColor', c, { shouldDirty: true, shouldValidate: true })}
                  aria-label={`Usar ${c}`}
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
          <BrandPreview name={name || 'Tu tienda'} color={validHex} logoUrl={logo?.url ?? null} />
        </fieldset>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-zinc-900">Contacto y moneda</h2>
        <Field
          id="store-whatsapp"
          label="WhatsApp"
          optional
          hint="Formato internacional, con + y el código de tu país: +51 987 654 321."
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
          label="Moneda"
          hint="Los precios de tus productos se muestran en esta moneda."
          error={errors.currency?.message}
        >
          <select
            id="store-currency"
            {...register('currency')}
            className={inputClass}
            aria-invalid={errors.currency ? true : undefined}
            aria-describedby={describedBy('store-currency', { hint: true, error: errors.currency?.message })}
          >
            {CURRENCY_OPTIONS.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      </Card>

      {formError ? (
        limit ? (
          <LimitNotice details={limit} context="No pudimos abrir la tienda." />
        ) : (
          <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            {formError.message}
          </p>
        )
      ) : null}
      {Object.keys(errors).length > 0 && formState.isSubmitted ? (
        <p role="alert" className="text-sm text-red-700">
          Revisa los campos marcados.
        </p>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={storeId ? `/dashboard?tienda=${storeId}` : '/dashboard'} className={buttonClass.secondary}>
          Cancelar
        </Link>
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? 'Guardando…' : mode === 'create' ? 'Abrir mi tienda' : 'Guardar cambios'}
        </button>
      </div>
    </form>
  );
}

/** How the store header will look with this colour and logo. */
function BrandPreview({ name, color, logoUrl }: { name: string; color: string; logoUrl: string | null }) {
  const fg = readableOn(color);
  return (
    <div className="mt-2 overflow-hidden rounded-2xl border border-zinc-200" aria-label="Vista previa">
      <div className="flex items-center gap-3 p-3" style={{ backgroundColor: color, color: fg }}>
        <StoreAvatar name={name} brandColor={color} logoUrl={logoUrl} size={40} className="rounded-full ring-2 ring-white/80" />
        <span className="min-w-0 truncate font-semibold">{name}</span>
      </div>
      <div className="flex items-center justify-between gap-3 bg-white p-3">
        <span className="text-sm text-zinc-600">Vista previa</span>
        <span className="rounded-full px-4 py-2 text-sm font-semibold" style={{ backgroundColor: color, color: fg }}>
          Comprar
        </span>
      </div>
    </div>
  );
}
