'use client';

import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';
import { CloseIcon } from './icons';

/**
 * Values typed as chips: Enter or comma adds, × or Backspace on an empty field removes.
 * Duplicates (ignoring case) are refused with a short message.
 */
export function ChipInput({
  id,
  values,
  onChange,
  placeholder,
  max = 20,
  invalid,
  describedBy,
  labelForRemove,
}: {
  id: string;
  values: string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  max?: number;
  invalid?: boolean;
  describedBy?: string;
  labelForRemove?: string;
}) {
  const t = useTranslations('dashboard.options');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add(raw: string) {
    const parts = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (!parts.length) return;
    const next = [...values];
    for (const p of parts) {
      if (next.length >= max) {
        setProblem(t('maxValues', { max }));
        break;
      }
      if (next.some((v) => v.toLowerCase() === p.toLowerCase())) {
        setProblem(t('duplicate', { value: p }));
        continue;
      }
      next.push(p.slice(0, 30));
    }
    setText('');
    if (next.length !== values.length) onChange(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <div>
      <div
        className={`flex min-h-11 flex-wrap items-center gap-1.5 rounded-xl border bg-white p-1.5 focus-within:ring-2 focus-within:ring-violet-500 ${
          invalid ? 'border-red-500' : 'border-zinc-300'
        }`}
      >
        {values.map((v, i) => (
          <span
            key={`${v}-${i}`}
            className="inline-flex items-center gap-0.5 rounded-lg bg-violet-50 py-0.5 pl-2.5 text-sm font-medium text-violet-900 ring-1 ring-inset ring-violet-200"
          >
            {v}
            <button
              type="button"
              onClick={() => onChange(values.filter((_, j) => j !== i))}
              aria-label={`${labelForRemove ?? t('remove')} ${v}`}
              className="flex size-8 items-center justify-center rounded-lg text-violet-700 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-violet-600"
            >
              <CloseIcon className="size-4" />
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          onChange={(e) => {
            setProblem(null);
            if (e.target.value.includes(',')) add(e.target.value);
            else setText(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
          enterKeyHint="enter"
          placeholder={values.length ? t('addMore') : placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className="min-h-9 min-w-[7rem] flex-1 bg-transparent px-1.5 text-base outline-none"
        />
      </div>
      {problem ? (
        <p role="status" className="mt-1 text-xs text-amber-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
