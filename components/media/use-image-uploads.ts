'use client';

import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTRPCClient } from '@/components/providers/trpc';
import { documentLocale, validationText } from '@/server/errors/validation';
import { imageFileProblem, type TConfirmMediaResult, type TMediaPurpose, type TMediaRef } from '@/server/services/media/schemas';
import { uploadImage, UploadError, type MediaUploadClient } from './upload';

export type PendingUpload = {
  id: string;
  name: string;
  /** Local object URL of the picked file, shown until the server has checked the upload. */
  previewUrl: string;
  /** 0…100 */
  progress: number;
  phase: 'queued' | 'uploading' | 'checking' | 'error';
  error?: string;
};

type Options = {
  storeId?: string;
  purpose: TMediaPurpose;
  /** Defaults to the app's tRPC client. */
  client?: MediaUploadClient;
  /** Uploads running at once; the rest wait their turn (phones on slow networks). */
  concurrency?: number;
  /** `order` increases with each picked file, so callers can keep the picking order when uploads finish out of order. */
  onUploaded: (result: TConfirmMediaResult, picked: { file: File; order: number }) => void;
};

/** Queue, progress and errors of the files being uploaded; finished ones are handed to onUploaded and dropped. */
export function useImageUploads({ storeId, purpose, client, concurrency = 2, onUploaded }: Options) {
  const trpcClient = useTRPCClient();
  const api: MediaUploadClient = client ?? trpcClient;
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const files = useRef(new Map<string, File>());
  const previews = useRef(new Map<string, string>());
  const controllers = useRef(new Map<string, AbortController>());
  const queue = useRef<string[]>([]);
  const running = useRef(0);
  const picks = useRef(0);
  const orders = useRef(new Map<string, number>());
  const latest = useRef({ api, storeId, purpose, onUploaded, concurrency });
  latest.current = { api, storeId, purpose, onUploaded, concurrency };

  const patch = useCallback((id: string, change: Partial<PendingUpload>) => {
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
  }, []);

  const forget = useCallback((id: string) => {
    files.current.delete(id);
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    queue.current = queue.current.filter((q) => q !== id);
    orders.current.delete(id);
    const preview = previews.current.get(id);
    previews.current.delete(id);
    if (preview) URL.revokeObjectURL(preview);
    setUploads((all) => all.filter((u) => u.id !== id));
  }, []);

  const pump = useCallback(() => {
    while (running.current < latest.current.concurrency && queue.current.length) {
      const id = queue.current.shift()!;
      const file = files.current.get(id);
      if (!file) continue;
      running.current += 1;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      patch(id, { phase: 'uploading', progress: 0, error: undefined });
      const { api: client, storeId: sid, purpose: p } = latest.current;
      uploadImage(file, {
        client,
        storeId: sid,
        purpose: p,
        signal: controller.signal,
        onProgress: (fraction) => patch(id, { progress: Math.round(fraction * 100), phase: fraction >= 1 ? 'checking' : 'uploading' }),
      })
        .then((result) => {
          if (controller.signal.aborted) return;
          latest.current.onUploaded(result, { file, order: orders.current.get(id) ?? 0 });
          forget(id);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          patch(id, { phase: 'error', error: e instanceof UploadError ? e.message : validationText('upload.failed', undefined, documentLocale()) });
        })
        .finally(() => {
          running.current -= 1;
          controllers.current.delete(id);
          pump();
        });
    }
  }, [forget, patch]);

  const start = useCallback(
    (picked: File[]) => {
      const added = picked.map((file) => {
        const id = crypto.randomUUID();
        const previewUrl = URL.createObjectURL(file);
        files.current.set(id, file);
        previews.current.set(id, previewUrl);
        orders.current.set(id, ++picks.current);
        queue.current.push(id);
        return { id, name: file.name, previewUrl, progress: 0, phase: 'queued' as const };
      });
      setUploads((all) => [...all, ...added]);
      pump();
    },
    [pump],
  );

  const retry = useCallback(
    (id: string) => {
      if (!files.current.has(id)) return;
      patch(id, { phase: 'queued', progress: 0, error: undefined });
      queue.current.push(id);
      pump();
    },
    [patch, pump],
  );

  // Leaving the page cancels what is still in flight (the server's sweep job tidies up the rows).
  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      for (const c of inFlight.values()) c.abort();
    };
  }, []);

  return { uploads, start, retry, dismiss: forget };
}

/**
 * One image that a new pick replaces (a store logo, a show cover): the latest upload, whether it is still running,
 * the local check's problem with the picked file, and the file input's change handler.
 */
export function useSingleImageUpload({ storeId, purpose, client, onChange }: Omit<Options, 'concurrency' | 'onUploaded'> & { onChange: (next: TMediaRef) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const { uploads, start, retry, dismiss } = useImageUploads({
    storeId,
    purpose,
    client,
    concurrency: 1,
    onUploaded: (result) => onChange({ mediaId: result.mediaId, url: result.url }),
  });
  const upload = uploads[uploads.length - 1];
  const busy = upload !== undefined && upload.phase !== 'error';

  function onPick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const found = imageFileProblem(file);
    setProblem(found);
    if (found) return;
    for (const u of uploads) dismiss(u.id);
    start([file]);
  }

  return { upload, busy, problem, onPick, retry, dismiss };
}
