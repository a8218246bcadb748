'use client';

/**
 * Chromium fires `beforeinstallprompt` once, early; the root-level listener (ServiceWorkerUpdates) keeps it here
 * so the seller UI can offer "Instalar VITA" later, at a moment that makes sense.
 */
export type InstallPromptEvent = Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }> };

let deferred: InstallPromptEvent | null = null;
let installed = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function captureInstallPrompt(e: InstallPromptEvent) {
  e.preventDefault();
  deferred = e;
  emit();
}

export function markInstalled() {
  installed = true;
  deferred = null;
  emit();
}

export function subscribeInstall(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function installState(): 'available' | 'installed' | 'unavailable' {
  if (installed) return 'installed';
  return deferred ? 'available' : 'unavailable';
}

export async function promptInstall(): Promise<boolean> {
  const e = deferred;
  if (!e) return false;
  deferred = null;
  await e.prompt();
  const choice = await e.userChoice;
  if (choice.outcome === 'accepted') markInstalled();
  else emit();
  return choice.outcome === 'accepted';
}
