'use client';

import { useTranslations } from 'next-intl';
import { CameraIcon } from '@/components/dashboard/icons';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPCClient } from '@/components/providers/trpc';
import { uploadImage, UploadError } from '@/components/media/upload';
import { IMAGE_ACCEPT } from '@/server/services/media/schemas';
import { MESSAGE_MAX_ATTACHMENTS, MESSAGE_MAX_CHARS } from '@/server/services/chat/schemas';

export type ComposerSend = (msg: { body: string; attachments: string[]; clientId: string }) => Promise<void>;

export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Text box + photo button + send. The same clientId is reused when a failed send is retried, so the server never
 * stores the message twice. Photos go through the product-photo upload protocol (purpose "chat").
 */
export function Composer({
  onSend,
  storeId,
  value,
  onChange,
  placeholder,
  autoFocus,
}: {
  onSend: ComposerSend;
  storeId?: string;
  value?: string;
  onChange?: (v: string) => void;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations('chat.composer');
  const client = useTRPCClient();
  const [own, setOwn] = useState('');
  const text = value ?? own;
  const setText = onChange ?? setOwn;
  const [photos, setPhotos] = useState<Array<{ mediaId: string; url: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pendingId = useRef<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const over = text.length > MESSAGE_MAX_CHARS;
  const canSend = !busy && !uploading && !over && (text.trim().length > 0 || photos.length > 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSend) return;
    setBusy(true);
    setError(null);
    pendingId.current ??= newClientId();
    try {
      await onSend({ body: text.trim(), attachments: photos.map((p) => p.mediaId), clientId: pendingId.current });
      pendingId.current = null;
      setText('');
      setPhotos([]);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('sendFailed'));
    } finally {
      setBusy(false);
    }
  }

  async function addPhotos(files: FileList | null) {
    if (!files?.length) return;
    setUploading(true);
    setError(null);
    try {
      for (const f of Array.from(files).slice(0, MESSAGE_MAX_ATTACHMENTS - photos.length)) {
        const r = await uploadImage(f, { purpose: 'chat', storeId, client });
        setPhotos((p) => [...p, { mediaId: r.mediaId, url: r.url }]);
      }
    } catch (err) {
      setError(err instanceof UploadError || err instanceof Error ? err.message : t('uploadFailed'));
    } finally {
      setUploading(false);
      if (file.current) file.current.value = '';
    }
  }

  return (
    <form onSubmit={submit} className="border-t border-zinc-200 bg-white p-2" aria-label={t('form')}>
      {photos.length ? (
        <div className="mb-2 flex gap-2">
          {photos.map((p) => (
            <div key={p.mediaId} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element -- local preview of an uploaded photo */}
              <img src={p.url} alt={t('photoPreview')} className="h-14 w-14 rounded-lg object-cover" />
              <button type="button" onClick={() => setPhotos((all) => all.filter((x) => x.mediaId !== p.mediaId))} className="absolute -right-1 -top-1 h-6 w-6 rounded-full bg-zinc-900 text-xs text-white" aria-label={t('removePhoto')}>
                ×
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <button
          type="button"
          onClick={() => file.current?.click()}
          disabled={uploading || photos.length >= MESSAGE_MAX_ATTACHMENTS}
          className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-xl text-zinc-600 hover:bg-zinc-100 disabled:opacity-40"
          aria-label={t('attach')}
        >
          {uploading ? '…' : <CameraIcon className="size-6" />}
        </button>
        <input ref={file} type="file" accept={IMAGE_ACCEPT} multiple hidden onChange={(e) => addPhotos(e.target.files)} />
        <label className="sr-only" htmlFor="chat-text">
          {t('label')}
        </label>
        <textarea
          id="chat-text"
          value={text}
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) void submit(e);
          }}
          rows={1}
          placeholder={placeholder ?? t('placeholder')}
          className="max-h-40 min-h-11 flex-1 resize-none rounded-2xl border border-zinc-300 px-3 py-2.5 text-base focus:border-violet-500 focus:outline-none"
        />
        <button type="submit" disabled={!canSend} className="h-11 shrink-0 rounded-full bg-violet-600 px-4 text-sm font-semibold text-white disabled:opacity-40">
          {busy ? t('sending') : t('send')}
        </button>
      </div>
      <div className="mt-1 flex justify-between px-1 text-xs">
        <span className="text-red-600" role="alert">
          {error}
        </span>
        <span className={over ? 'font-semibold text-red-600' : 'text-zinc-400'}>
          {text.length > MESSAGE_MAX_CHARS - 200 ? `${text.length}/${MESSAGE_MAX_CHARS}` : ''}
        </span>
      </div>
    </form>
  );
}
