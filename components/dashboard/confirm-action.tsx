'use client';

import type { ReactNode } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buttonClass } from './field';

/** A destructive action that asks first, in a confirm dialog (Radix AlertDialog): «Cancelar» or the confirm label. */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  ariaLabel,
  className = buttonClass.ghost,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  ariaLabel?: string;
  className?: string;
}) {
  return (
    <ConfirmDialog
      title={question}
      confirmLabel={confirmLabel}
      onConfirm={onConfirm}
      trigger={
        <button type="button" disabled={busy} className={className} aria-label={ariaLabel}>
          {label}
        </button>
      }
    />
  );
}
