import { useTranslations } from 'next-intl';
import type { PendingUpload } from './use-image-uploads';

/** The visible progress of one upload: a real progressbar for assistive tech, plus the percentage as text. */
export function UploadProgress({ upload, className = '' }: { upload: PendingUpload; className?: string }) {
  const t = useTranslations('dashboard.media');
  const label = upload.phase === 'queued' ? t('queued') : upload.phase === 'checking' ? t('checking') : `${upload.progress} %`;
  return (
    <div className={`space-y-1 ${className}`}>
      <div
        role="progressbar"
        aria-label={t('uploading', { name: upload.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={upload.progress}
        aria-valuetext={label}
        className="h-1.5 w-full overflow-hidden rounded-full bg-white/70 ring-1 ring-black/10"
      >
        <div className="h-full rounded-full bg-violet-600 transition-[width] duration-200" style={{ width: `${upload.progress}%` }} />
      </div>
      <p className="text-center text-xs font-semibold text-zinc-900 [text-shadow:0_0_3px_white]">{label}</p>
    </div>
  );
}
