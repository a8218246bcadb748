'use client';

import { LimitNotice } from './limit-notice';
import type { TPlanUsage } from './types';

/** Warns before a form that will hit the plan limit; the server enforces the limit either way. */
export function PlanLimitBanner({ usage, resource }: { usage: TPlanUsage; resource: 'stores' | 'activeProducts' }) {
  const limit = usage.plan.limits[resource];
  const used = usage.usage[resource];
  if (used < limit) return null;
  return <LimitNotice className="mb-5" tone="warning" details={{ resource, limit, usage: used, plan: usage.plan.code }} />;
}
