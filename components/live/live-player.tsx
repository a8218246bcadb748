'use client';

import { useEffect, useRef, useState } from 'react';

/** Served from public/ivs/<version>/ (copies of amazon-ivs-player's dist/assets; a test keeps them in sync). */
export const IVS_WASM_WORKER = '/ivs/1.56.1/amazon-ivs-wasmworker.min.js';
export const IVS_WASM_BINARY = '/ivs/1.56.1/amazon-ivs-wasmworker.min.wasm';

export type SeekRequest = { seconds: number; n: number };

/**
 * The video: Amazon IVS Player (loaded in the browser only, its WASM worker from /ivs/…), muted autoplay with an
 * "unmute" button. Timed metadata cues go to `onMetadata` (the same handler the SSE pins use). Where the IVS player
 * is not supported and the source is the local HLS server, hls.js plays it instead (local mode only).
 */
export function LivePlayer({
  src,
  provider,
  onMetadata,
  seek,
  unmuteLabel,
  unmutePosition = 'right-3 top-14',
  className,
}: {
  src: string;
  provider: 'ivs' | 'local';
  onMetadata?: (text: string) => void;
  seek?: SeekRequest | null;
  unmuteLabel: string;
  /** Where the unmute button sits over the video (Tailwind position classes): clear of the page's own overlays. */
  unmutePosition?: string;
  className?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const seekTo = useRef<(s: number) => void>(() => {});
  const setMutedRef = useRef<(m: boolean) => void>(() => {});
  const metadata = useRef(onMetadata);
  metadata.current = onMetadata;
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let cleanup = () => {};
    let cancelled = false;
    void (async () => {
      const ivs = await import('amazon-ivs-player');
      if (cancelled) return;
      if (ivs.isPlayerSupported) {
        const player = ivs.create({ wasmWorker: IVS_WASM_WORKER, wasmBinary: IVS_WASM_BINARY });
        player.attachHTMLVideoElement(el);
        player.addEventListener(ivs.PlayerEventType.TEXT_METADATA_CUE, (cue) => metadata.current?.(cue.text));
        player.setAutoplay(true);
        player.setMuted(true);
        player.load(src);
        player.play();
        seekTo.current = (s) => player.seekTo(s);
        setMutedRef.current = (m) => player.setMuted(m);
        cleanup = () => player.delete();
        return;
      }
      if (provider === 'local') {
        const { default: Hls } = await import('hls.js');
        if (cancelled) return;
        if (Hls.isSupported()) {
          const hls = new Hls({ lowLatencyMode: true });
          hls.loadSource(src);
          hls.attachMedia(el);
          cleanup = () => hls.destroy();
        } else el.src = src;
      } else el.src = src;
      el.muted = true;
      void el.play().catch(() => {});
      seekTo.current = (s) => {
        el.currentTime = s;
      };
      setMutedRef.current = (m) => {
        el.muted = m;
      };
    })();
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [src, provider]);

  useEffect(() => {
    if (seek) seekTo.current(seek.seconds);
  }, [seek]);

  return (
    <div className={`relative bg-black ${className ?? ''}`}>
      <video ref={video} playsInline muted className="size-full object-contain" data-testid="live-video" />
      {muted && (
        <button
          type="button"
          onClick={() => {
            setMutedRef.current(false);
            setMuted(false);
          }}
          className={`absolute ${unmutePosition} z-10 inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-black/60 px-3 py-1.5 text-xs font-semibold text-white backdrop-blur`}
        >
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="size-4" aria-hidden="true">
            <path d="M11 5 6 9H3v6h3l5 4V5Z" />
            <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
          </svg>
          {unmuteLabel}
        </button>
      )}
    </div>
  );
}
