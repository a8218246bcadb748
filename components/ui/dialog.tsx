'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useTranslations } from 'next-intl';
import { useRef, type ReactNode } from 'react';

/**
 * Modal dialog on Radix (focus trap, Escape and outside tap close, focus returns to the opener, scroll lock,
 * aria-modal + labelled by its title). Two looks: `sheet` slides up from the bottom on phones (a centred card from
 * `sm` up), `center` is a centred card at every width. Not for the public cached pages (their JS budget).
 *
 * The overlay and the panel are siblings (not nested): the dark theme turns `bg-white` surfaces dark, and a panel
 * inside the `bg-black/40` overlay would be a light-mode island instead.
 */
export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

const PANEL = {
  sheet:
    'fixed inset-x-0 bottom-0 z-50 mx-auto max-h-[85dvh] w-full max-w-lg overflow-y-auto rounded-t-3xl bg-white p-4 pb-[max(1rem,env(safe-area-inset-bottom))] text-zinc-900 shadow-xl outline-none sm:bottom-auto sm:top-1/2 sm:-translate-y-1/2 sm:rounded-3xl',
  center:
    'fixed left-1/2 top-1/2 z-50 max-h-[85dvh] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-3xl bg-white p-5 text-zinc-900 shadow-xl outline-none',
} as const;

export function DialogContent({
  title,
  description,
  hideTitle = false,
  variant = 'center',
  children,
  testId,
  closeLabel,
}: {
  /** Names the dialog (aria-labelledby). Visually hidden with `hideTitle` when the content already shows a heading. */
  title: ReactNode;
  description?: ReactNode;
  hideTitle?: boolean;
  variant?: keyof typeof PANEL;
  children: ReactNode;
  testId?: string;
  /** Text of the close button; defaults to «Cerrar». */
  closeLabel?: string;
}) {
  const t = useTranslations('common');
  // Focus goes back to whatever opened the dialog, also when it was opened from state (no DialogTrigger): Radix
  // only knows its own trigger and would otherwise leave focus on <body>.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
      <RadixDialog.Content
        className={PANEL[variant]}
        data-testid={testId}
        onOpenAutoFocus={() => {
          opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
        }}
        onCloseAutoFocus={(e) => {
          if (opener.current?.isConnected) {
            e.preventDefault();
            opener.current.focus();
          }
        }}
        // Without a description Radix warns unless aria-describedby is explicitly undefined.
        {...(description ? {} : { 'aria-describedby': undefined })}
      >
        {variant === 'sheet' ? <div aria-hidden="true" className="mx-auto -mt-1 mb-2 h-1.5 w-10 rounded-full bg-zinc-300 sm:hidden" /> : null}
        <div className="mb-2 flex items-start gap-2">
          <RadixDialog.Title className={hideTitle ? 'sr-only' : 'min-w-0 flex-1 pt-2 text-lg font-semibold text-zinc-900'}>{title}</RadixDialog.Title>
          <RadixDialog.Close
            className={`${hideTitle ? 'ml-auto' : ''} inline-flex min-h-11 shrink-0 items-center gap-1 rounded-xl px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600`}
          >
            <CloseIcon className="size-5" />
            {closeLabel ?? t('close')}
          </RadixDialog.Close>
        </div>
        {description ? <RadixDialog.Description className="mb-3 text-sm text-zinc-600">{description}</RadixDialog.Description> : null}
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

function CloseIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" className={className} aria-hidden="true">
      <path d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}
