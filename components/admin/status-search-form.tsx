'use client';

import { useState } from 'react';
import { buttonClass, inputClass } from '@/components/dashboard/field';

export type TStatusFilter = 'all' | 'active' | 'suspended';
export type TStatusSearch = { q: string; status: TStatusFilter };

/** The admin lists' search box + active/suspended filter; the list queries what was last submitted. */
export function StatusSearchForm({
  idPrefix,
  labels,
  onSearch,
}: {
  idPrefix: string;
  labels: { search: string; placeholder: string; status: string; all: string; active: string; suspended: string; submit: string };
  onSearch: (search: TStatusSearch) => void;
}) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TStatusFilter>('all');
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch({ q, status });
      }}
    >
      <label className="sr-only" htmlFor={`${idPrefix}-q`}>
        {labels.search}
      </label>
      <input id={`${idPrefix}-q`} className={inputClass} placeholder={labels.placeholder} value={q} onChange={(e) => setQ(e.target.value)} />
      <label className="sr-only" htmlFor={`${idPrefix}-status`}>
        {labels.status}
      </label>
      <select id={`${idPrefix}-status`} className={`${inputClass} sm:w-44`} value={status} onChange={(e) => setStatus(e.target.value as TStatusFilter)}>
        <option value="all">{labels.all}</option>
        <option value="active">{labels.active}</option>
        <option value="suspended">{labels.suspended}</option>
      </select>
      <button className={buttonClass.secondary} type="submit">
        {labels.submit}
      </button>
    </form>
  );
}
