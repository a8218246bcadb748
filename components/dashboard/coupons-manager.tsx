'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { couponState, ZCreateCouponInput } from '@/server/services/commerce-settings/schemas';
import { Switch } from '@/components/ui/switch';
import { Notice, Pill, type TPillTone } from './commerce-ui';
import { ConfirmAction } from './confirm-action';
import type { TCoupon } from './commerce-types';
import { buttonClass, Card, describedBy, Field, inputClass } from './field';
import { PencilIcon, PlusIcon, TagIcon } from './icons';
import { appErrorOf, issuesToFields } from './trpc-error';

type FormValues = {
  code: string;
  kind: 'percent' | 'fixed';
  percent: string;
  amount: string;
  minAmount: string;
  usageLimit: string;
  expiresOn: string;
  active: boolean;
};
const EMPTY: FormValues = { code: '', kind: 'percent', percent: '', amount: '', minAmount: '', usageLimit: '', expiresOn: '', active: true };

const STATE_TONE: Record<ReturnType<typeof couponState>, TPillTone> = {
  active: 'green',
  inactive: 'zinc',
  expired: 'amber',
  exhausted: 'amber',
};

/** The date input's day, in the seller's time zone; a coupon lasts until the end of that day. */
function dayToExpiry(day: string): Date | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d, 23, 59, 59);
}
function expiryToDay(at: Date | null): string {
  if (!at) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function toForm(c: TCoupon, currency: string): FormValues {
  return {
    code: c.code,
    kind: c.kind,
    percent: c.kind === 'percent' ? String(c.value) : '',
    amount: c.kind === 'fixed' ? minorToMajorText(c.value, currency) : '',
    minAmount: c.minAmount ? minorToMajorText(c.minAmount, currency) : '',
    usageLimit: c.usageLimit === null ? '' : String(c.usageLimit),
    expiresOn: expiryToDay(c.expiresAt),
    active: c.active,
  };
}

function toInput(storeId: string, v: FormValues, currency: string) {
  const int = (t: string) => (t.trim() === '' ? Number.NaN : Number(t.trim()));
  return {
    storeId,
    code: v.code,
    kind: v.kind,
    value: v.kind === 'percent' ? int(v.percent) : (parseMajorToMinor(v.amount, currency) ?? Number.NaN),
    minAmount: parseMajorToMinor(v.minAmount, currency) ?? 0,
    usageLimit: v.usageLimit.trim() === '' ? null : int(v.usageLimit),
    expiresAt: dayToExpiry(v.expiresOn),
    active: v.active,
  };
}

/** "10 % de descuento · compras desde S/ 50" in the page's language. */
function useDescribeCoupon() {
  const t = useTranslations('dashboard.coupons');
  const formatMoney = useMoney();
  return (c: Pick<TCoupon, 'kind' | 'value' | 'minAmount'>, currency: string): string => {
    const off = c.kind === 'percent' ? t('percentOff', { value: c.value }) : t('amountOff', { amount: formatMoney(c.value, currency) });
    return c.minAmount > 0 ? t('minPurchase', { off, amount: formatMoney(c.minAmount, currency) }) : off;
  };
}

/** The store's coupons: create, edit, switch on/off, delete; with use count, expiry and whether it works today. */
export function CouponsManager({ storeId, currency, initialData }: { storeId: string; currency: string; initialData: TCoupon[] }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.coupons');
  const format = useFormatter();
  const describeCoupon = useDescribeCoupon();
  const queryClient = useQueryClient();
  const queryOptions = trpc.commerceSettings.coupons.queryOptions({ storeId });
  const { data = initialData } = useQuery({ ...queryOptions, initialData });
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryOptions.queryKey });
  const onError = (err: unknown) => setNotice({ tone: 'error', text: appErrorOf(err).message });
  const toggle = useMutation(trpc.commerceSettings.setCouponActive.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.commerceSettings.deleteCoupon.mutationOptions({
      onSuccess: () => {
        setNotice({ tone: 'ok', text: t('deleted') });
        void refresh();
      },
      onError,
    }),
  );
  const done = (text: string | null) => {
    setEditing(null);
    if (text) setNotice({ tone: 'ok', text });
    void refresh();
  };

  return (
    <div className="space-y-4">
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}

      {editing === 'new' ? (
        <Card>
          <CouponForm storeId={storeId} currency={currency} onDone={done} />
        </Card>
      ) : (
        <button type="button" onClick={() => setEditing('new')} className={buttonClass.primary}>
          <PlusIcon className="size-5" />
          {t('create')}
        </button>
      )}

      {data.length > 0 ? (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm" aria-label={t('list')}>
          {data.map((c) => {
            const state = couponState({ ...c, expiresAt: c.expiresAt ? new Date(c.expiresAt) : null });
            const tone = STATE_TONE[state];
            const stateLabel = t(`state.${state}`);
            return editing === c.id ? (
              <li key={c.id} className="p-3 sm:p-4">
                <CouponForm storeId={storeId} currency={currency} coupon={c} onDone={done} />
              </li>
            ) : (
              <li key={c.id} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:p-4">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="rounded-lg bg-zinc-100 px-2 py-0.5 font-mono text-sm font-semibold tracking-wide text-zinc-900">{c.code}</span>
                    <Pill tone={tone}>{stateLabel}</Pill>
                  </p>
                  <p className="mt-1 text-sm text-zinc-700">{describeCoupon(c, currency)}</p>
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {t('uses', { count: c.usedCount })}
                    {c.usageLimit !== null ? t('ofLimit', { limit: c.usageLimit }) : t('noLimit')}
                    {c.expiresAt
                      ? t('expiresOn', { date: format.dateTime(new Date(c.expiresAt), { day: 'numeric', month: 'short', year: 'numeric' }) })
                      : t('noExpiry')}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1 sm:flex-nowrap">
                  <Switch
                    checked={c.active}
                    disabled={toggle.isPending && toggle.variables?.couponId === c.id}
                    onCheckedChange={(active) => toggle.mutate({ storeId, couponId: c.id, active })}
                    label={<span className="sr-only sm:not-sr-only">{c.active ? t('active') : t('inactive')}</span>}
                  />
                  <button type="button" onClick={() => setEditing(c.id)} className={`${buttonClass.secondary} px-3`} aria-label={t('editLabel', { code: c.code })}>
                    <PencilIcon className="size-4" />
                    {t('edit')}
                  </button>
                  <ConfirmAction
                    label={t('delete')}
                    ariaLabel={t('deleteLabel', { code: c.code })}
                    question={t('deleteQ')}
                    confirmLabel={t('yesDelete')}
                    busy={remove.isPending && remove.variables?.couponId === c.id}
                    onConfirm={() => remove.mutate({ storeId, couponId: c.id })}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      ) : editing !== 'new' ? (
        <div className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
          <TagIcon className="mx-auto size-10 text-violet-500" />
          <h2 className="mt-3 text-base font-semibold text-zinc-900">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-1 max-w-sm text-sm text-zinc-600">
            {t('emptyText')}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function CouponForm({ storeId, currency, coupon, onDone }: { storeId: string; currency: string; coupon?: TCoupon; onDone: (notice: string | null) => void }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.coupons');
  const id = useId();
  const [v, setV] = useState<FormValues>(coupon ? toForm(coupon, currency) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<FormValues>, ...fields: string[]) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of fields) delete next[k];
      return next;
    });
  };
  const onError = (err: unknown) => {
    const info = appErrorOf(err);
    setErrors(info.fields);
    setFormError(Object.keys(info.fields).length ? t('checkFields') : info.message);
  };
  const create = useMutation(trpc.commerceSettings.createCoupon.mutationOptions({ onSuccess: (c) => onDone(t('created', { code: c.code })), onError }));
  const update = useMutation(trpc.commerceSettings.updateCoupon.mutationOptions({ onSuccess: (c) => onDone(t('saved', { code: c.code })), onError }));
  const busy = create.isPending || update.isPending;
  const err = (k: string) => errors[k];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const input = toInput(storeId, v, currency);
    const parsed = ZCreateCouponInput.safeParse(input);
    const fields = parsed.success ? {} : issuesToFields(parsed.error.issues);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now() && v.expiresOn !== expiryToDay(coupon?.expiresAt ?? null)) {
      fields.expiresAt ??= t('pastDate');
    }
    if (Object.keys(fields).length) {
      setErrors(fields);
      setFormError(t('checkFields'));
      return;
    }
    if (coupon) update.mutate({ ...input, couponId: coupon.id });
    else create.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={coupon ? t('editLabel', { code: coupon.code }) : t('new')}>
      <h2 className="text-base font-semibold text-zinc-900">{coupon ? t('editLabel', { code: coupon.code }) : t('new')}</h2>
      <Field id={`${id}-code`} label={t('code')} error={err('code')} hint={t('codeHint')}>
        <input
          id={`${id}-code`}
          value={v.code}
          onChange={(e) => set({ code: e.target.value.toUpperCase() }, 'code')}
          maxLength={30}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('codePlaceholder')}
          className={`${inputClass} font-mono uppercase tracking-wide`}
          aria-invalid={err('code') ? true : undefined}
          aria-describedby={describedBy(`${id}-code`, { hint: true, error: err('code') })}
        />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">{t('discount')}</legend>
        <div className="mt-1.5 flex gap-1 rounded-xl bg-zinc-100 p-1 sm:w-fit">
          {(
            [
              ['percent', t('percent')],
              ['fixed', t('fixed', { currency })],
            ] as const
          ).map(([k, label]) => (
            <label
              key={k}
              className="flex min-h-11 flex-1 cursor-pointer items-center justify-center rounded-lg px-4 text-sm font-medium text-zinc-600 has-[:checked]:bg-white has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-violet-500 sm:flex-none"
            >
              <input type="radio" className="sr-only" name={`${id}-kind`} value={k} checked={v.kind === k} onChange={() => set({ kind: k }, 'value')} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {v.kind === 'percent' ? (
          <Field id={`${id}-value`} label={t('percent')} error={err('value')} hint={t('percentHint')}>
            <div className="relative">
              <input
                id={`${id}-value`}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                step={1}
                value={v.percent}
                onChange={(e) => set({ percent: e.target.value }, 'value')}
                className={`${inputClass} pr-9`}
                aria-invalid={err('value') ? true : undefined}
                aria-describedby={describedBy(`${id}-value`, { hint: true, error: err('value') })}
              />
              <span aria-hidden="true" className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">
                %
              </span>
            </div>
          </Field>
        ) : (
          <Field id={`${id}-value`} label={t('fixedAmount')} error={err('value')}>
            <MoneyInput
              id={`${id}-value`}
              currency={currency}
              value={v.amount}
              onChange={(e) => set({ amount: e.target.value }, 'value')}
              invalid={Boolean(err('value'))}
              aria-describedby={describedBy(`${id}-value`, { error: err('value') })}
            />
          </Field>
        )}
        <Field id={`${id}-minAmount`} label={t('minAmount')} optional error={err('minAmount')} hint={t('minAmountHint')}>
          <MoneyInput
            id={`${id}-minAmount`}
            currency={currency}
            value={v.minAmount}
            onChange={(e) => set({ minAmount: e.target.value }, 'minAmount')}
            invalid={Boolean(err('minAmount'))}
            aria-describedby={describedBy(`${id}-minAmount`, { hint: true, error: err('minAmount') })}
          />
        </Field>
        <Field
          id={`${id}-usageLimit`}
          label={t('usageLimit')}
          optional
          error={err('usageLimit')}
          hint={coupon && coupon.usedCount > 0 ? t('usedTimes', { count: coupon.usedCount }) : t('emptyNoLimit')}
        >
          <input
            id={`${id}-usageLimit`}
            type="number"
            inputMode="numeric"
            min={Math.max(1, coupon?.usedCount ?? 0)}
            step={1}
            value={v.usageLimit}
            onChange={(e) => set({ usageLimit: e.target.value }, 'usageLimit')}
            className={inputClass}
            aria-invalid={err('usageLimit') ? true : undefined}
            aria-describedby={describedBy(`${id}-usageLimit`, { hint: true, error: err('usageLimit') })}
          />
        </Field>
        <Field id={`${id}-expiresAt`} label={t('expires')} optional error={err('expiresAt')} hint={t('expiresHint')}>
          <input
            id={`${id}-expiresAt`}
            type="date"
            value={v.expiresOn}
            onChange={(e) => set({ expiresOn: e.target.value }, 'expiresAt')}
            className={inputClass}
            aria-invalid={err('expiresAt') ? true : undefined}
            aria-describedby={describedBy(`${id}-expiresAt`, { hint: true, error: err('expiresAt') })}
          />
        </Field>
      </div>
      <Switch checked={v.active} onCheckedChange={(active) => set({ active })} label={t('active')} />
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={buttonClass.primary}>
          {busy ? t('saving') : coupon ? t('saveChanges') : t('create')}
        </button>
        <button type="button" onClick={() => onDone(null)} className={buttonClass.secondary}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
