'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';

type Client = {
  addVideoInputDevice: (s: MediaStream, name: string, opts: { index: number }) => Promise<void>;
  addAudioInputDevice: (s: MediaStream, name: string) => Promise<void>;
  removeVideoInputDevice: (name: string) => void;
  startBroadcast: (key: string) => Promise<void>;
  stopBroadcast: () => void;
  attachPreview: (el: HTMLCanvasElement) => void;
  delete: () => void;
};

/**
 * Going live from the phone's browser with amazon-ivs-web-broadcast (cloud mode): portrait, switch camera, mute.
 * The key is never kept: starting rotates it and hands the fresh key straight to the SDK.
 */
export function PhoneBroadcast({ storeId, ingestEndpoint }: { storeId: string; ingestEndpoint: string }) {
  const t = useTranslations('live.studio');
  const trpc = useTRPC();
  const preview = useRef<HTMLCanvasElement>(null);
  const client = useRef<Client | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const [facing, setFacing] = useState<'user' | 'environment'>('user');
  const [muted, setMuted] = useState(false);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rotate = useMutation(trpc.liveSeller.rotateKey.mutationOptions());

  async function camera(face: 'user' | 'environment') {
    const c = client.current!;
    stream.current?.getTracks().forEach((tr) => tr.stop());
    const s = await navigator.mediaDevices.getUserMedia({ video: { facingMode: face, width: 720, height: 1280 }, audio: true });
    stream.current = s;
    c.removeVideoInputDevice('camera');
    await c.addVideoInputDevice(s, 'camera', { index: 0 });
    await c.addAudioInputDevice(s, 'mic');
  }

  async function start() {
    setError(null);
    try {
      const ivs = (await import('amazon-ivs-web-broadcast')).default as unknown as { create: (o: unknown) => Client; BASIC_FULL_HD_PORTRAIT?: unknown; BASIC_PORTRAIT?: unknown };
      const c = ivs.create({ streamConfig: ivs.BASIC_PORTRAIT ?? ivs.BASIC_FULL_HD_PORTRAIT, ingestEndpoint });
      client.current = c;
      if (preview.current) c.attachPreview(preview.current);
      await camera(facing);
      const { streamKey } = await rotate.mutateAsync({ storeId });
      await c.startBroadcast(streamKey!);
      setOn(true);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function stop() {
    client.current?.stopBroadcast();
    stream.current?.getTracks().forEach((tr) => tr.stop());
    setOn(false);
  }

  useEffect(() => () => {
    client.current?.stopBroadcast();
    client.current?.delete();
    stream.current?.getTracks().forEach((tr) => tr.stop());
  }, []);

  return (
    <div className="space-y-2 rounded-xl bg-zinc-50 p-3">
      <p className="text-sm font-semibold">{t('phone')}</p>
      <canvas ref={preview} className="aspect-[9/16] w-40 rounded-lg bg-black" />
      <p className="text-xs text-zinc-500">{t('phoneNeedsKey')}</p>
      {error && <p className="text-xs text-red-600">{error}</p>}
      <div className="flex flex-wrap gap-2">
        {!on ? (
          <button type="button" onClick={() => void start()} className="rounded-xl bg-red-600 px-4 py-2 text-sm font-semibold text-white">
            {t('goLive')}
          </button>
        ) : (
          <button type="button" onClick={stop} className="rounded-xl bg-zinc-900 px-4 py-2 text-sm font-semibold text-white">
            {t('stop')}
          </button>
        )}
        <button
          type="button"
          disabled={!on}
          onClick={() => {
            const next = facing === 'user' ? 'environment' : 'user';
            setFacing(next);
            void camera(next);
          }}
          className="rounded-xl border border-zinc-300 px-3 py-2 text-sm"
        >
          {t('switchCamera')}
        </button>
        <button
          type="button"
          disabled={!on}
          onClick={() => {
            stream.current?.getAudioTracks().forEach((tr) => (tr.enabled = muted));
            setMuted(!muted);
          }}
          className="rounded-xl border border-zinc-300 px-3 py-2 text-sm"
        >
          {muted ? t('unmuteMic') : t('mute')}
        </button>
      </div>
    </div>
  );
}
