'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { MediaUploadClient } from '@/components/media/upload';
import { UploadProgress } from '@/components/media/upload-progress';
import { useHydrated } from '@/components/media/use-hydrated';
import { useSingleImageUpload } from '@/components/media/use-image-uploads';
import { IMAGE_ACCEPT, type TMediaRef } from '@/server/services/media/schemas';

/**
 * A show's cover (shown on the viewer page before the show starts and in link previews): one image through the same
 * upload protocol as product photos (media.createUpload → PUT with progress → media.confirm), held by the store.
 */
export function CoverUploader({ storeId, value, onChange, error, client }: { storeId: string; value: TMediaRef | null; onChange: (next: TMediaRef | null) => void; error?: string; client?: MediaUploadClient }) {
  const t = useTranslations('live.studio');
  const hydrated = useHydrated();
  const id = useId();
  const { upload, busy, problem, onPick, retry } = useSingleImageUpload({ storeId, purpose: 'product', client, onChange });

  const preview = busy && upload ? upload.previewUrl : value?.url;
  const button = 'inline-flex min-h-11 cursor-pointer items-center justify-center rounded-xl px-4 text-sm font-semibold';
  return (
    <fieldset className="space-y-2 text-sm" aria-describedby={`${id}-hint`}>
      <legend>{t('cover')}</legend>
      <div className="flex items-center gap-3">
        <div className="relative aspect-video w-36 shrink-0 overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200" data-testid="cover-preview">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob:) or the uploaded image */}
          {preview ? <img src={preview} alt={value && !busy ? t('coverAlt') : ''} className={`size-full object-cover ${busy ? 'opacity-60' : ''}`} /> : null}
          {busy && upload ? <UploadProgress upload={upload} className="absolute inset-x-3 top-1/2 -translate-y-1/2" /> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <label className={`${button} bg-zinc-900 text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-violet-600 ${busy ? 'pointer-events-none opacity-60' : ''}`}>
            {value ? t('coverChange') : t('coverUpload')}
            <input type="file" accept={IMAGE_ACCEPT} className="sr-only" onChange={onPick} disabled={busy || !hydrated} aria-describedby={`${id}-hint`} />
          </label>
          {value && !busy ? (
            <button type="button" className={`${button} border border-zinc-300 bg-white text-zinc-800`} onClick={() => onChange(null)}>
              {t('coverRemove')}
            </button>
          ) : null}
        </div>
      </div>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        {t('coverHint')}
      </p>
      {upload?.phase === 'error' ? (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-red-700">
          <span>{upload.error}</span>
          <button type="button" className="font-semibold text-violet-700 underline" onClick={() => retry(upload.id)}>
            {t('coverRetry')}
          </button>
        </p>
      ) : null}
      {problem || error ? (
        <p role="alert" className="text-red-700">
          {problem ?? error}
        </p>
      ) : null}
    </fieldset>
  );
}
