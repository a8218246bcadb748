import type { z } from 'zod';
import { AppError, issueFields } from '../../../errors/app-error';
import type { EmailTemplate } from '../queue-email';
import { chatUnread } from './chat-unread';
import { emailLocale, type EmailTemplateDef, type RenderedEmail } from './layout';
import { liveStarted } from './live-started';
import { orderDelivered } from './order-delivered';
import { orderExpired } from './order-expired';
import { orderPaid } from './order-paid';
import { orderPaidSeller } from './order-paid-seller';
import { orderPlaced } from './order-placed';
import { orderRefunded } from './order-refunded';
import { orderShipped } from './order-shipped';
import { paymentReview } from './payment-review';
import { payoutUpdate } from './payout-update';
import { planActivated } from './plan-activated';
import { planDowngraded } from './plan-downgraded';
import { planRenewalReminder } from './plan-renewal-reminder';
import { teamInvitation } from './team-invitation';

export type { RenderedEmail } from './layout';
export { escapeHtml, emailLocale } from './layout';

const TEMPLATES = {
  order_placed: orderPlaced,
  order_paid: orderPaid,
  order_paid_seller: orderPaidSeller,
  order_shipped: orderShipped,
  order_delivered: orderDelivered,
  order_refunded: orderRefunded,
  order_expired: orderExpired,
  payment_review: paymentReview,
  payout_update: payoutUpdate,
  plan_activated: planActivated,
  plan_renewal_reminder: planRenewalReminder,
  plan_downgraded: planDowngraded,
  live_started: liveStarted,
  chat_unread: chatUnread,
  team_invitation: teamInvitation,
} satisfies Record<EmailTemplate, EmailTemplateDef>;

/** What a caller of queueEmail passes as `data` for each template. */
export type EmailData = { [K in EmailTemplate]: z.input<(typeof TEMPLATES)[K]['schema']> };

function templateDef(template: string): EmailTemplateDef {
  const def = (TEMPLATES as Record<string, EmailTemplateDef | undefined>)[template];
  if (!def) throw new AppError('BAD_REQUEST', { internal: `Unknown email template "${template}".`, fields: { template: { issue: { path: [], message: 'unknown template' } } } });
  return def;
}

function applyAliases(data: unknown, aliases: Record<string, string>): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [from, to] of Object.entries(aliases)) {
    if (out[to] === undefined && out[from] !== undefined) out[to] = out[from];
  }
  return out;
}

/** Checks `data` against the template's schema; AppError BAD_REQUEST naming each bad field otherwise. */
export function parseEmailData(template: string, data: unknown): unknown {
  const def = templateDef(template);
  const parsed = def.schema.safeParse(applyAliases(data, def.aliases));
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[`data.${issue.path.join('.')}`] ??= issue.message;
  throw new AppError('BAD_REQUEST', {
    internal: `Invalid data for email template "${template}": ${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
    fields: issueFields(parsed.error.issues as never, 'data.'),
  });
}

/** Subject, plain text and HTML of one email in the recipient's locale (es unless it is en). */
export function renderEmail(opts: { template: string; locale?: string | null; data: unknown; appUrl: string }): RenderedEmail {
  const data = parseEmailData(opts.template, opts.data);
  return templateDef(opts.template).render(data as never, { locale: emailLocale(opts.locale), appUrl: opts.appUrl });
}
