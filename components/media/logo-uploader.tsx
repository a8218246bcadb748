'use client';

import Image from 'next/image';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { IMAGE_ACCEPT, MEDIA_MAX_BYTES, formatMegabytes, type TMediaRef } from '@/server/services/media/schemas';
import type { MediaUploadClient } from './upload';
import { UploadProgress } from './upload-progress';
import { useHydrated } from './use-hydrated';
import { useSingleImageUpload } from './use-image-uploads';

type Props = {
  value: TMediaRef | null;
  onChange: (next: TMediaRef | null) => void;
  /** Omit while the store does not exist yet (onboarding): the logo is then held under the user. */
  storeId?: string;
  label?: string;
  error?: string;
  disabled?: boolean;
  client?: MediaUploadClient;
};

const button =
  'inline-flex min-h-11 items-center justify-center rounded-xl px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 disabled:cursor-not-allowed disabled:opacity-60';

/** One image (a store logo): shows the current one, uploads a replacement with progress, or removes it. */
export function LogoUploader({ value, onChange, storeId, label = 'Logo', error, disabled, client }: Props) {
  const hydrated = useHydrated();
  const t = useTranslations('dashboard.media');
  const id = useId();
  const { upload, busy, problem, onPick, retry, dismiss } = useSingleImageUpload({ storeId, purpose: 'logo', client, onChange });

  const hintId = `${id}-hint`;
  return (
    <fieldset className="space-y-2" aria-describedby={hintId}>
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      <div className="flex items-center gap-4">
        <div className="relative h-24 w-24 shrink-0 overflow-hidden rounded-full bg-zinc-100 ring-1 ring-zinc-200">
          {upload ? (
            <Image src={upload.previewUrl} alt="" fill unoptimized sizes="96px" className="object-cover opacity-60" />
          ) : value ? (
            <Image src={value.url} alt={t('currentLogo')} fill sizes="96px" className="object-cover" />
          ) : (
            <span aria-hidden="true" className="flex h-full items-center justify-center text-3xl text-zinc-400">
              ◎
            </span>
          )}
          {upload && upload.phase !== 'error' ? <UploadProgress upload={upload} className="absolute inset-x-3 top-1/2 -translate-y-1/2" /> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <label
            className={`${button} cursor-pointer bg-violet-600 text-white hover:bg-violet-700 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-violet-600 ${disabled || busy ? 'pointer-events-none opacity-60' : ''}`}
          >
            {value ? t('changeLogo') : t('uploadLogo')}
            <input type="file" accept={IMAGE_ACCEPT} className="sr-only" onChange={onPick} disabled={disabled || busy || !hydrated} aria-describedby={hintId} />
          </label>
          {value && !busy ? (
            <button type="button" className={`${button} border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50`} onClick={() => onChange(null)} disabled={disabled}>
              {t('removeLogo')}
            </button>
          ) : null}
        </div>
      </div>
      <p id={hintId} className="text-xs text-zinc-500">
        {t('logoHint', { size: formatMegabytes(MEDIA_MAX_BYTES) })}
      </p>
      {upload?.phase === 'error' ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700">
          <span>
            <span aria-hidden="true">⚠ </span>
            {upload.error}
          </span>
          <button type="button" className="font-semibold text-violet-700 underline" onClick={() => retry(upload.id)}>
            {t('retry')}
          </button>
          <button type="button" className="font-semibold text-zinc-700 underline" onClick={() => dismiss(upload.id)}>
            {t('discard')}
          </button>
        </div>
      ) : null}
      {problem || error ? (
        <p role="alert" className="text-sm text-red-700">
          <span aria-hidden="true">⚠ </span>
          {problem ?? error}
        </p>
      ) : null}
    </fieldset>
  );
}
