'use client';

import Image from 'next/image';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { IMAGE_ACCEPT, imageFileProblem, MEDIA_MAX_BYTES, formatMegabytes, type TMediaRef } from '@/server/services/media/schemas';
import type { MediaUploadClient } from './upload';
import { UploadProgress } from './upload-progress';
import { useHydrated } from './use-hydrated';
import { useImageUploads } from './use-image-uploads';

type Props = {
  /** Photos in order; the first one is the cover ("Portada"). */
  value: TMediaRef[];
  onChange: (next: TMediaRef[]) => void;
  storeId: string;
  /** Most photos allowed (the plan's photosPerProduct). */
  max?: number;
  label?: string;
  /** A field error from the form (e.g. the server's `imageMediaIds` message). */
  error?: string;
  disabled?: boolean;
  /** Defaults to the app's tRPC client. */
  client?: MediaUploadClient;
};

const iconButton =
  'inline-flex h-9 w-9 items-center justify-center rounded-full bg-white/95 text-zinc-800 shadow ring-1 ring-black/10 hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-violet-600 disabled:opacity-40';

/**
 * Product photos: pick several (or take them with the phone camera), watch each upload, reorder, remove.
 * Controlled: `value` holds only uploaded, server-checked photos; uploads in progress live inside.
 */
export function PhotoUploader({ value, onChange, storeId, max = 10, label = 'Fotos', error, disabled, client }: Props) {
  const hydrated = useHydrated();
  const t = useTranslations('dashboard.media');
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const dragFrom = useRef<number | null>(null);
  // Several uploads can finish before the parent re-renders: append to the newest list, not a stale prop.
  const current = useRef(value);
  current.current = value;
  const emit = (next: TMediaRef[]) => {
    current.current = next;
    onChange(next);
  };

  // Uploads finish out of order (small files overtake big ones); place each by the order it was picked in.
  const pickOrder = useRef(new Map<string, number>());
  const { uploads, start, retry, dismiss } = useImageUploads({
    storeId,
    purpose: 'product',
    client,
    onUploaded: (result, { file, order }) => {
      pickOrder.current.set(result.mediaId, order);
      const list = current.current;
      const before = list.findIndex((p) => (pickOrder.current.get(p.mediaId) ?? 0) > order);
      const at = before === -1 ? list.length : before;
      emit([...list.slice(0, at), { mediaId: result.mediaId, url: result.url }, ...list.slice(at)]);
      setAnnouncement(`«${file.name}» subida.`);
    },
  });

  const room = max - value.length - uploads.length;

  function onPick(e: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(e.target.files ?? []);
    e.target.value = '';
    const found: string[] = [];
    const ok = picked.filter((file) => {
      const problem = imageFileProblem(file);
      if (problem) found.push(problem);
      return !problem;
    });
    if (ok.length > room) {
      found.push(
        room > 0
          ? t('roomLeft', { room, max, skipped: ok.length - room })
          : t('atMax', { max }),
      );
    }
    setProblems(found);
    const accepted = ok.slice(0, Math.max(room, 0));
    if (accepted.length) start(accepted);
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= value.length || from === to) return;
    const next = [...value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    emit(next);
    setAnnouncement(`${t('moved', { to: to + 1, total: value.length })}${to === 0 ? t('nowCover') : ''}`);
  }

  function remove(index: number) {
    emit(value.filter((_, i) => i !== index));
    setAnnouncement(t('removed', { n: index + 1 }));
  }

  const onDragStart = (index: number) => () => {
    dragFrom.current = index;
  };
  const onDragOver = (e: DragEvent) => {
    if (dragFrom.current !== null) e.preventDefault();
  };
  const onDrop = (index: number) => (e: DragEvent) => {
    e.preventDefault();
    if (dragFrom.current !== null) move(dragFrom.current, index);
    dragFrom.current = null;
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}>
      <legend className="text-sm font-medium text-zinc-800">
        {label} <span className="font-normal text-zinc-500">({value.length}/{max})</span>
      </legend>
      <p id={hintId} className="text-xs text-zinc-500">
        {t('photosHint', { size: formatMegabytes(MEDIA_MAX_BYTES) })}
      </p>

      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label={t('productPhotos')}>
        {value.map((photo, index) => (
          <li
            key={photo.mediaId}
            draggable={!disabled}
            onDragStart={onDragStart(index)}
            onDragOver={onDragOver}
            onDrop={onDrop(index)}
            className="relative aspect-square overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200"
          >
            <Image
              src={photo.url}
              alt={index === 0 ? t('photoAltCover', { n: index + 1 }) : t('photoAlt', { n: index + 1 })}
              fill
              sizes="(min-width: 640px) 160px, 33vw"
              className="object-cover"
              draggable={false}
            />
            {index === 0 ? (
              <span className="absolute left-1.5 top-1.5 rounded-full bg-violet-600 px-2 py-0.5 text-xs font-semibold text-white shadow">
                {t('cover')}
              </span>
            ) : null}
            <div className="absolute inset-x-1 bottom-1 flex justify-between gap-1">
              <button
                type="button"
                className={iconButton}
                onClick={() => move(index, index - 1)}
                disabled={disabled || index === 0}
                aria-label={t('moveLeft', { n: index + 1 })}
              >
                <span aria-hidden="true">←</span>
              </button>
              <button
                type="button"
                className={`${iconButton} text-red-700`}
                onClick={() => remove(index)}
                disabled={disabled}
                aria-label={t('removePhoto', { n: index + 1 })}
              >
                <span aria-hidden="true">✕</span>
              </button>
              <button
                type="button"
                className={iconButton}
                onClick={() => move(index, index + 1)}
                disabled={disabled || index === value.length - 1}
                aria-label={t('moveRight', { n: index + 1 })}
              >
                <span aria-hidden="true">→</span>
              </button>
            </div>
          </li>
        ))}

        {uploads.map((upload) => (
          <li key={upload.id} className="relative aspect-square overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200">
            <Image src={upload.previewUrl} alt="" fill unoptimized sizes="160px" className="object-cover opacity-60" />
            <div className="absolute inset-x-2 bottom-2">
              {upload.phase === 'error' ? (
                <div className="space-y-1 rounded-lg bg-white/95 p-1.5 text-center shadow">
                  <p className="text-xs text-red-700">{upload.error}</p>
                  <div className="flex justify-center gap-1">
                    <button type="button" className="rounded-md px-2 py-1 text-xs font-semibold text-violet-700 hover:bg-violet-50" onClick={() => retry(upload.id)}>
                      {t('retry')}
                    </button>
                    <button type="button" className="rounded-md px-2 py-1 text-xs font-semibold text-zinc-700 hover:bg-zinc-100" onClick={() => dismiss(upload.id)}>
                      {t('remove')}
                    </button>
                  </div>
                </div>
              ) : (
                <UploadProgress upload={upload} />
              )}
            </div>
          </li>
        ))}

        {room > 0 ? (
          <li className="aspect-square">
            <label
              className={`flex h-full cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed border-zinc-300 text-center text-sm font-semibold text-violet-700 hover:border-violet-400 hover:bg-violet-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-violet-600 ${disabled ? 'pointer-events-none opacity-50' : ''}`}
            >
              <span aria-hidden="true" className="text-2xl leading-none">
                +
              </span>
              <span>{value.length + uploads.length === 0 ? t('addPhotos') : t('addMore')}</span>
              <input
                type="file"
                multiple
                accept={IMAGE_ACCEPT}
                className="sr-only"
                onChange={onPick}
                disabled={disabled || !hydrated}
                aria-describedby={hintId}
              />
            </label>
          </li>
        ) : null}
      </ul>

      {problems.length ? (
        <ul role="alert" className="space-y-1 text-sm text-red-700">
          {problems.map((p, i) => (
            <li key={i} className="flex gap-1">
              <span aria-hidden="true">⚠</span>
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
