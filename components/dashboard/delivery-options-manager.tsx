'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { ZCreateDeliveryOptionInput, type TDeliveryKind } from '@/server/services/commerce-settings/schemas';
import { Switch } from '@/components/ui/switch';
import { Notice, Pill } from './commerce-ui';
import { ConfirmAction } from './confirm-action';
import { buttonClass, Card, describedBy, Field, inputClass } from './field';
import { PencilIcon, PlusIcon, TruckIcon } from './icons';
import { appErrorOf, issuesToFields } from './trpc-error';
import type { TDeliveryOption } from './commerce-types';

const KINDS: readonly TDeliveryKind[] = ['flat_rate', 'free_over', 'pickup'];

type FormValues = { kind: TDeliveryKind; label: string; price: string; freeOver: string; details: string; active: boolean };
const EMPTY: FormValues = { kind: 'flat_rate', label: '', price: '', freeOver: '', details: '', active: true };

function toForm(o: TDeliveryOption, currency: string): FormValues {
  return {
    kind: o.kind,
    label: o.label,
    price: o.kind === 'pickup' ? '' : minorToMajorText(o.price, currency),
    freeOver: minorToMajorText(o.freeOver, currency),
    details: o.details,
    active: o.active,
  };
}

/** Form text → the procedure's input; unparseable amounts become NaN so the shared schema names the field. */
function toInput(storeId: string, v: FormValues, currency: string) {
  const money = (t: string) => parseMajorToMinor(t, currency) ?? Number.NaN;
  if (v.kind === 'pickup') return { storeId, kind: v.kind, label: v.label, details: v.details, active: v.active };
  if (v.kind === 'free_over') return { storeId, kind: v.kind, label: v.label, price: money(v.price), freeOver: money(v.freeOver), details: v.details, active: v.active };
  return { storeId, kind: v.kind, label: v.label, price: money(v.price), details: v.details, active: v.active };
}

/** "S/ 10 · gratis desde S/ 200" in the page's language. */
function useDescribeDelivery() {
  const t = useTranslations('dashboard.delivery');
  const formatMoney = useMoney();
  return (o: Pick<TDeliveryOption, 'kind' | 'price' | 'freeOver'>, currency: string): string => {
    if (o.kind === 'pickup') return t('free');
    if (o.kind === 'free_over') return t('freeOver', { price: formatMoney(o.price, currency), threshold: formatMoney(o.freeOver ?? 0, currency) });
    return o.price === 0 ? t('free') : formatMoney(o.price, currency);
  };
}

/** The store's delivery options: add, edit, switch on/off, reorder (what the buyer sees first), delete. */
export function DeliveryOptionsManager({ storeId, currency, initialData }: { storeId: string; currency: string; initialData: TDeliveryOption[] }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.delivery');
  const describeDelivery = useDescribeDelivery();
  const queryClient = useQueryClient();
  const queryOptions = trpc.commerceSettings.deliveryOptions.queryOptions({ storeId });
  const { data = initialData } = useQuery({ ...queryOptions, initialData });
  const [editing, setEditing] = useState<'new' | string | null>(initialData.length === 0 ? 'new' : null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryOptions.queryKey });
  const onError = (err: unknown) => setNotice({ tone: 'error', text: appErrorOf(err).message });
  const toggle = useMutation(trpc.commerceSettings.setDeliveryOptionActive.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.commerceSettings.deleteDeliveryOption.mutationOptions({
      onSuccess: () => {
        setNotice({ tone: 'ok', text: t('deleted') });
        void refresh();
      },
      onError,
    }),
  );
  const reorder = useMutation(
    trpc.commerceSettings.reorderDeliveryOptions.mutationOptions({
      onMutate: ({ optionIds }) => {
        queryClient.setQueryData(queryOptions.queryKey, (old) => (old ? optionIds.map((id) => old.find((o) => o.id === id)!).filter(Boolean) : old));
      },
      onSettled: refresh,
      onError,
    }),
  );
  const move = (index: number, step: -1 | 1) => {
    const ids = data.map((o) => o.id);
    const j = index + step;
    if (j < 0 || j >= ids.length) return;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    reorder.mutate({ storeId, optionIds: ids });
  };
  const activeCount = data.filter((o) => o.active).length;

  return (
    <div className="space-y-4">
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      {data.length > 0 && activeCount === 0 ? (
        <Notice tone="error">{t('noneActive')}</Notice>
      ) : null}

      {data.length > 0 ? (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm" aria-label={t('list')}>
          {data.map((o, i) =>
            editing === o.id ? (
              <li key={o.id} className="p-3 sm:p-4">
                <DeliveryOptionForm
                  storeId={storeId}
                  currency={currency}
                  option={o}
                  onDone={(text) => {
                    setEditing(null);
                    if (text) setNotice({ tone: 'ok', text });
                    void refresh();
                  }}
                />
              </li>
            ) : (
              <li key={o.id} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:p-4">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-zinc-900">{o.label}</span>
                    <Pill tone={o.kind === 'pickup' ? 'sky' : 'violet'}>{t(`kind.${o.kind}`)}</Pill>
                    {!o.active ? <Pill tone="zinc">{t('inactive')}</Pill> : null}
                  </p>
                  <p className="mt-0.5 text-sm tabular-nums text-zinc-700">{describeDelivery(o, currency)}</p>
                  {o.details ? <p className="mt-0.5 line-clamp-2 text-sm text-zinc-500">{o.details}</p> : null}
                </div>
                <div className="flex flex-wrap items-center gap-1 sm:flex-nowrap">
                  <Switch
                    checked={o.active}
                    disabled={toggle.isPending && toggle.variables?.optionId === o.id}
                    onCheckedChange={(active) => toggle.mutate({ storeId, optionId: o.id, active })}
                    label={<span className="sr-only sm:not-sr-only">{o.active ? t('active') : t('inactive')}</span>}
                  />
                  <button
                    type="button"
                    onClick={() => move(i, -1)}
                    disabled={i === 0 || reorder.isPending}
                    aria-label={t('up', { label: o.label })}
                    className={`${buttonClass.ghost} px-3`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(i, 1)}
                    disabled={i === data.length - 1 || reorder.isPending}
                    aria-label={t('down', { label: o.label })}
                    className={`${buttonClass.ghost} px-3`}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => setEditing(o.id)} className={`${buttonClass.secondary} px-3`} aria-label={t('editLabel', { label: o.label })}>
                    <PencilIcon className="size-4" />
                    {t('edit')}
                  </button>
                  <ConfirmAction
                    label={t('delete')}
                    ariaLabel={t('deleteLabel', { label: o.label })}
                    question={t('deleteQ')}
                    confirmLabel={t('yesDelete')}
                    busy={remove.isPending && remove.variables?.optionId === o.id}
                    onConfirm={() => remove.mutate({ storeId, optionId: o.id })}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      ) : editing !== 'new' ? (
        <div className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
          <TruckIcon className="mx-auto size-10 text-violet-500" />
          <h2 className="mt-3 text-base font-semibold text-zinc-900">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-1 max-w-sm text-sm text-zinc-600">{t('emptyText')}</p>
        </div>
      ) : null}

      {editing === 'new' ? (
        <Card>
          <DeliveryOptionForm
            storeId={storeId}
            currency={currency}
            onDone={(text) => {
              setEditing(null);
              if (text) setNotice({ tone: 'ok', text });
              void refresh();
            }}
          />
        </Card>
      ) : (
        <button type="button" onClick={() => setEditing('new')} className={buttonClass.primary}>
          <PlusIcon className="size-5" />
          {t('add')}
        </button>
      )}
    </div>
  );
}

function DeliveryOptionForm({
  storeId,
  currency,
  option,
  onDone,
}: {
  storeId: string;
  currency: string;
  option?: TDeliveryOption;
  onDone: (notice: string | null) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.delivery');
  const id = useId();
  const [v, setV] = useState<FormValues>(option ? toForm(option, currency) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<FormValues>) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };
  const onError = (err: unknown) => {
    const info = appErrorOf(err);
    setErrors(info.fields);
    setFormError(Object.keys(info.fields).length ? t('checkFields') : info.message);
  };
  const create = useMutation(trpc.commerceSettings.createDeliveryOption.mutationOptions({ onSuccess: (o) => onDone(t('added', { label: o.label })), onError }));
  const update = useMutation(trpc.commerceSettings.updateDeliveryOption.mutationOptions({ onSuccess: (o) => onDone(t('saved', { label: o.label })), onError }));
  const busy = create.isPending || update.isPending;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const input = toInput(storeId, v, currency);
    const parsed = ZCreateDeliveryOptionInput.safeParse(input);
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      setErrors(fields);
      setFormError(t('checkFields'));
      document.getElementById(`${id}-${Object.keys(fields)[0]}`)?.focus();
      return;
    }
    if (option) update.mutate({ ...input, optionId: option.id } as never);
    else create.mutate(input as never);
  }

  const err = (k: string) => errors[k];
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={option ? t('editLabel', { label: option.label }) : t('new')}>
      <h2 className="text-base font-semibold text-zinc-900">{option ? t('editOption') : t('new')}</h2>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">{t('type')}</legend>
        <div className="mt-1.5 grid gap-2 sm:grid-cols-3">
          {KINDS.map((k) => (
            <label
              key={k}
              className="flex min-h-11 cursor-pointer gap-2 rounded-xl border border-zinc-300 bg-white p-3 text-sm has-[:checked]:border-violet-500 has-[:checked]:bg-violet-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-violet-500"
            >
              <input type="radio" name={`${id}-kind`} value={k} checked={v.kind === k} onChange={() => set({ kind: k })} className="mt-0.5 accent-violet-600" />
              <span>
                <span className="block font-medium text-zinc-900">{t(`kind.${k}`)}</span>
                <span className="block text-xs text-zinc-600">{t(`kindHint.${k}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={`${id}-label`} label={t('label')} error={err('label')}>
        <input
          id={`${id}-label`}
          value={v.label}
          onChange={(e) => set({ label: e.target.value })}
          maxLength={60}
          placeholder={v.kind === 'pickup' ? t('labelPickup') : t('labelShipping')}
          className={inputClass}
          aria-invalid={err('label') ? true : undefined}
          aria-describedby={describedBy(`${id}-label`, { error: err('label') })}
        />
      </Field>
      {v.kind !== 'pickup' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-price`} label={t('price')} error={err('price')} hint={t('priceHint')}>
            <MoneyInput
              id={`${id}-price`}
              currency={currency}
              value={v.price}
              onChange={(e) => set({ price: e.target.value })}
              invalid={Boolean(err('price'))}
              aria-describedby={describedBy(`${id}-price`, { hint: true, error: err('price') })}
            />
          </Field>
          {v.kind === 'free_over' ? (
            <Field id={`${id}-freeOver`} label={t('freeFrom')} error={err('freeOver')} hint={t('freeFromHint')}>
              <MoneyInput
                id={`${id}-freeOver`}
                currency={currency}
                value={v.freeOver}
                onChange={(e) => set({ freeOver: e.target.value })}
                invalid={Boolean(err('freeOver'))}
                aria-describedby={describedBy(`${id}-freeOver`, { hint: true, error: err('freeOver') })}
              />
            </Field>
          ) : null}
        </div>
      ) : null}
      <Field
        id={`${id}-details`}
        label={v.kind === 'pickup' ? t('whereWhen') : t('details')}
        optional={v.kind !== 'pickup'}
        hint={v.kind === 'pickup' ? t('pickupHint') : t('detailsHint')}
        error={err('details')}
      >
        <textarea
          id={`${id}-details`}
          value={v.details}
          onChange={(e) => set({ details: e.target.value })}
          rows={2}
          maxLength={300}
          className={`${inputClass} resize-y`}
          aria-invalid={err('details') ? true : undefined}
          aria-describedby={describedBy(`${id}-details`, { hint: true, error: err('details') })}
        />
      </Field>
      <Switch checked={v.active} onCheckedChange={(active) => set({ active })} label={t('availableAtCheckout')} />
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={buttonClass.primary}>
          {busy ? t('saving') : option ? t('saveChanges') : t('addShort')}
        </button>
        <button type="button" onClick={() => onDone(null)} className={buttonClass.secondary}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
