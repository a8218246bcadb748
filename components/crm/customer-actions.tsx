'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';

/** Tags (add / remove) and a new note for one customer. */
export function CustomerActions({ storeId, buyerId, tags }: { storeId: string; buyerId: string; tags: string[] }) {
  const t = useTranslations('crm.actions');
  const trpc = useTRPC();
  const router = useRouter();
  const [current, setCurrent] = useState(tags);
  const [tag, setTag] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const addTag = useMutation(trpc.crm.addTag.mutationOptions());
  const removeTag = useMutation(trpc.crm.removeTag.mutationOptions());
  const addNote = useMutation(trpc.crm.addNote.mutationOptions());
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5">
        {current.map((name) => (
          <span key={name} className="inline-flex items-center gap-1 rounded-full bg-violet-100 px-2.5 py-1 text-xs font-medium text-violet-800">
            {name}
            <button type="button" aria-label={t('remove', { tag: name })} className="-my-1 -mr-1.5 inline-flex h-7 w-7 items-center justify-center rounded-full text-violet-500 hover:bg-violet-200" onClick={async () => setCurrent(await removeTag.mutateAsync({ storeId, buyerId, tag: name }))}>
              ×
            </button>
          </span>
        ))}
        <form
          className="flex gap-1"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!tag.trim()) return;
            try {
              setCurrent(await addTag.mutateAsync({ storeId, buyerId, tag }));
              setTag('');
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          <input value={tag} onChange={(e) => setTag(e.target.value)} maxLength={40} placeholder={t('tagPlaceholder')} aria-label={t('newTag')} className="h-8 w-28 rounded-full border border-zinc-300 px-3 text-sm" />
        </form>
      </div>
      <form
        className="space-y-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!note.trim()) return;
          try {
            await addNote.mutateAsync({ storeId, buyerId, body: note });
            setNote('');
            router.refresh();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <label htmlFor="crm-note" className="sr-only">
          {t('note')}
        </label>
        <textarea id="crm-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} placeholder={t('notePlaceholder')} className="w-full rounded-xl border border-zinc-300 px-3 py-2 text-base" />
        <button type="submit" disabled={addNote.isPending || !note.trim()} className="min-h-10 rounded-full bg-zinc-900 px-4 text-sm font-semibold text-white disabled:opacity-40">
          {t('saveNote')}
        </button>
        {error ? <p className="text-sm text-red-600" role="alert">{error}</p> : null}
      </form>
    </div>
  );
}
