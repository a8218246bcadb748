import type { DiditStatus } from '../../db/schema';

export type StoreKycStatus = 'unverified' | 'pending' | 'approved' | 'declined';

/**
 * Every DIDIT status and what it means for the store (INTEGRATIONS.md §1, exact strings):
 * - Approved → approved (verified badge, payouts, Pro).
 * - Declined → declined (may start again).
 * - Kyc Expired → unverified: a past approval is no longer valid.
 * - Expired (link never opened) / Abandoned (started, not finished) → unverified: nothing was verified.
 * - Not Started, In Progress, In Review, Awaiting User (KYB waits for its people), Resubmitted → pending.
 */
export const STORE_STATUS_OF: Record<DiditStatus, StoreKycStatus> = {
  'Not Started': 'pending',
  'In Progress': 'pending',
  'In Review': 'pending',
  'Awaiting User': 'pending',
  Resubmitted: 'pending',
  Approved: 'approved',
  Declined: 'declined',
  Expired: 'unverified',
  Abandoned: 'unverified',
  'Kyc Expired': 'unverified',
};

/** Statuses after which nothing more happens unless the person starts again (the reconcile job stops asking). */
export const SETTLED: ReadonlySet<DiditStatus> = new Set<DiditStatus>(['Approved', 'Declined', 'Expired', 'Abandoned', 'Kyc Expired']);

/** Spanish words for the seller and the admin console. */
export const STATUS_LABEL: Record<DiditStatus, string> = {
  'Not Started': 'Sin empezar',
  'In Progress': 'En curso',
  'In Review': 'En revisión',
  'Awaiting User': 'Esperando a las personas de la empresa',
  Resubmitted: 'Reenviada',
  Approved: 'Aprobada',
  Declined: 'Rechazada',
  Expired: 'Enlace vencido',
  Abandoned: 'Abandonada',
  'Kyc Expired': 'Verificación vencida',
};
