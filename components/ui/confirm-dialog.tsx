'use client';

import { cloneElement, useRef, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import type { TConfirmTone } from './confirm-dialog-panel';
import { useAfterHydration } from './use-after-hydration';

type TTriggerProps = { onClick?: (e: MouseEvent<HTMLElement>) => void };

/**
 * «Are you sure?» on Radix AlertDialog — the app's replacement for `window.confirm()`. The trigger is the caller's
 * own button (rendered as is); the dialog opens with focus on «Cancelar», Escape cancels, focus returns to the
 * trigger, and `onConfirm` runs only from the confirm button. The Radix part (./confirm-dialog-panel) loads right
 * after hydration, outside the page's first-load JS; a tap before it arrives opens the dialog once it has.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel,
  tone = 'danger',
  onConfirm,
}: {
  /** A single button element; it opens the dialog. */
  trigger: ReactElement<TTriggerProps>;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: TConfirmTone;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLElement>(null);
  const panel = useAfterHydration(() => import('./confirm-dialog-panel'));
  const button = cloneElement(trigger, {
    ref: triggerRef,
    'aria-haspopup': 'dialog',
    'aria-expanded': open,
    onClick: (e: MouseEvent<HTMLElement>) => {
      trigger.props.onClick?.(e);
      setOpen(true);
    },
  } as TTriggerProps);
  return (
    <>
      {button}
      {panel ? (
        <panel.ConfirmDialogPanel
          open={open}
          onOpenChange={setOpen}
          returnFocusTo={triggerRef}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          cancelLabel={cancelLabel}
          tone={tone}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}
