'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { ChipInput } from './chip-input';
import { buttonClass, FieldError } from './field';
import { CloseIcon, PlusIcon } from './icons';
import type { TOptionRow } from './product-variants';

const MAX_OPTIONS = 3;
const NAME_IDEAS: Record<string, string[]> = {
  es: ['Talla', 'Color', 'Material', 'Modelo', 'Tamaño', 'Sabor', 'Capacidad'],
  en: ['Size', 'Colour', 'Material', 'Model', 'Flavour', 'Capacity'],
};
/** Example values for an option name, in whichever language the seller typed it. */
const VALUE_IDEAS: Record<string, string> = {
  talla: 'S, M, L',
  color: 'Rojo, Negro',
  material: 'Algodón, Lino',
  tamaño: 'Chico, Grande',
  sabor: 'Fresa, Vainilla',
  size: 'S, M, L',
  colour: 'Red, Black',
  flavour: 'Strawberry, Vanilla',
};

/** Up to three options (Talla, Color, …), each with its values as chips. Changing them regenerates the variants. */
export function OptionsEditor({
  options,
  onChange,
  errors,
}: {
  options: TOptionRow[];
  onChange: (next: TOptionRow[]) => void;
  errors: Record<string, string>;
}) {
  const id = useId();
  const t = useTranslations('dashboard.options');
  const locale = useLocale();
  const ideas = NAME_IDEAS[locale] ?? NAME_IDEAS.es!;
  const setAt = (i: number, patch: Partial<TOptionRow>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const unusedIdea = ideas.find((n) => !options.some((o) => o.name.trim().toLowerCase() === n.toLowerCase())) ?? '';

  return (
    <div className="space-y-3">
      <datalist id={`${id}-names`}>
        {ideas.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {options.map((o, i) => {
        const nameId = `${id}-name-${i}`;
        const valuesId = `${id}-values-${i}`;
        const nameError = errors[`options.${i}.name`];
        const valuesError =
          errors[`options.${i}.values`] ?? Object.entries(errors).find(([k]) => k.startsWith(`options.${i}.values.`))?.[1];
        return (
          <div key={i} className="rounded-xl border border-zinc-200 bg-zinc-50/60 p-3">
            <div className="flex items-start gap-2">
              <div className="grid flex-1 gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
                <div className="space-y-1">
                  <label htmlFor={nameId} className="block text-xs font-medium text-zinc-700">
                    {t('option', { n: i + 1 })}
                  </label>
                  <input
                    id={nameId}
                    list={`${id}-names`}
                    value={o.name}
                    maxLength={30}
                    onChange={(e) => setAt(i, { name: e.target.value })}
                    placeholder={t('namePlaceholder')}
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `${nameId}-error` : undefined}
                    className="block min-h-11 w-full rounded-xl border border-zinc-300 bg-white px-3 text-base outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500 aria-[invalid=true]:border-red-500"
                  />
                  <FieldError id={`${nameId}-error`} message={nameError} />
                </div>
                <div className="space-y-1">
                  <label htmlFor={valuesId} className="block text-xs font-medium text-zinc-700">
                    {t('values')} <span className="font-normal text-zinc-500">{t('valuesHint')}</span>
                  </label>
                  <ChipInput
                    id={valuesId}
                    values={o.values}
                    onChange={(values) => setAt(i, { values })}
                    placeholder={VALUE_IDEAS[o.name.trim().toLowerCase()] ?? t('valuePlaceholder')}
                    invalid={Boolean(valuesError)}
                    describedBy={valuesError ? `${valuesId}-error` : undefined}
                  />
                  <FieldError id={`${valuesId}-error`} message={valuesError} />
                </div>
              </div>
              <button
                type="button"
                onClick={() => onChange(options.filter((_, j) => j !== i))}
                aria-label={t('removeOption', { name: o.name || i + 1 })}
                className="mt-5 flex size-11 shrink-0 items-center justify-center rounded-xl text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-600"
              >
                <CloseIcon className="size-5" />
              </button>
            </div>
          </div>
        );
      })}
      <FieldError message={errors.options} />
      {options.length < MAX_OPTIONS ? (
        <button
          type="button"
          onClick={() => onChange([...options, { name: unusedIdea, values: [] }])}
          className={buttonClass.secondary}
        >
          <PlusIcon className="size-5" />
          {options.length === 0 ? t('addOptions') : t('addAnother')}
        </button>
      ) : (
        <p className="text-xs text-zinc-500">{t('maxOptions', { max: MAX_OPTIONS })}</p>
      )}
    </div>
  );
}
