'use client';

import * as Collapsible from '@radix-ui/react-collapsible';
import type { ReactElement, ReactNode } from 'react';

/**
 * Show/hide a region on Radix Collapsible: the trigger gets aria-expanded and aria-controls pointing at the panel.
 * Controlled (`open`/`onOpenChange`) or not (`defaultOpen`).
 */
export const Disclosure = Collapsible.Root;

export function DisclosureTrigger({ children }: { children: ReactElement }) {
  return <Collapsible.Trigger asChild>{children}</Collapsible.Trigger>;
}

export function DisclosurePanel({ children, className }: { children: ReactNode; className?: string }) {
  return <Collapsible.Content className={className}>{children}</Collapsible.Content>;
}
