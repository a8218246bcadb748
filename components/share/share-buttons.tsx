'use client';

import { useState } from 'react';
import type { ShareLabels } from '@/components/product/offer-labels';
import { WhatsAppIcon } from '@/components/ui/icons';

/** "Compartir en WhatsApp" + "Copiar enlace" (falls back to the system share sheet's text when the clipboard is blocked). */
export function ShareButtons({ url, message, qrHref, labels }: { url: string; message: string; qrHref?: string; labels: ShareLabels }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const el = document.createElement('textarea');
      el.value = url;
      document.body.append(el);
      el.select();
      document.execCommand('copy');
      el.remove();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2500);
  }
  const btn =
    'inline-flex h-10 items-center gap-2 rounded-full border border-zinc-300 bg-white px-4 text-sm font-semibold text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600';
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={labels.title}>
      <a href={`https://wa.me/?text=${encodeURIComponent(message)}`} target="_blank" rel="noopener noreferrer" className={btn} data-testid="share-whatsapp">
        <WhatsAppIcon className="size-4 text-emerald-700" />
        {labels.whatsapp}
      </a>
      <button type="button" onClick={copy} className={btn} data-testid="share-copy">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="size-4" aria-hidden="true">
          <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1" />
          <path d="M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
        </svg>
        {copied ? labels.copied : labels.copy}
      </button>
      {qrHref && (
        <a href={qrHref} className={btn} data-testid="share-qr">
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="size-4" aria-hidden="true">
            <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2v2h-2zM18 14h2v2h-2z" />
          </svg>
          {labels.qr}
        </a>
      )}
      <span className="sr-only" aria-live="polite">
        {copied ? labels.copied : ''}
      </span>
    </div>
  );
}
