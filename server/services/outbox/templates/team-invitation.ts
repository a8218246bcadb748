import { z } from 'zod';
import { defineTemplate, formatDate, renderLayout, ZHttpUrl } from './layout';

export const ZTeamInvitationData = z.object({
  storeName: z.string().min(1).max(200),
  /** Who invited: their name, or their email when they have none. */
  inviter: z.string().min(1).max(200),
  role: z.enum(['manager', 'staff']),
  /** /invitacion/<token> on the app. */
  acceptUrl: ZHttpUrl,
  expiresAt: z.coerce.date(),
});
export type TTeamInvitationData = z.input<typeof ZTeamInvitationData>;

const ROLE = {
  es: { manager: 'administrador/a', staff: 'equipo de atención' },
  en: { manager: 'manager', staff: 'staff' },
} as const;

const ROLE_CAN = {
  es: {
    manager: 'podrás gestionar productos, pedidos, cupones, envíos y el chat con clientes',
    staff: 'podrás responder el chat, ver productos y preparar y enviar pedidos',
  },
  en: {
    manager: 'you will manage products, orders, coupons, delivery and the customer chat',
    staff: 'you will answer the chat, see products, and pack and ship orders',
  },
} as const;

/** To the invited person: join a store's team. The link is personal and expires. */
export const teamInvitation = defineTemplate(ZTeamInvitationData, (d, { locale }) => {
  const en = locale === 'en';
  const expires = formatDate(d.expiresAt, locale, { withTime: true });
  return renderLayout({
    locale,
    brand: d.storeName,
    subject: en ? `${d.inviter} invited you to ${d.storeName} on VITA` : `${d.inviter} te invitó a ${d.storeName} en VITA`,
    preheader: en ? `Join as ${ROLE.en[d.role]}` : `Únete como ${ROLE.es[d.role]}`,
    blocks: [
      { kind: 'heading', text: en ? `Join ${d.storeName}` : `Únete a ${d.storeName}` },
      {
        kind: 'p',
        text: en
          ? `${d.inviter} invited you to the team of ${d.storeName} as ${ROLE.en[d.role]}: ${ROLE_CAN.en[d.role]}.`
          : `${d.inviter} te invitó al equipo de ${d.storeName} como ${ROLE.es[d.role]}: ${ROLE_CAN.es[d.role]}.`,
      },
      { kind: 'button', label: en ? 'Accept the invitation' : 'Aceptar la invitación', href: d.acceptUrl },
      {
        kind: 'p',
        muted: true,
        text: en
          ? `Sign in or create your account with this email address to accept. The link is personal and expires on ${expires}. If you were not expecting it, ignore this email.`
          : `Para aceptar, ingresa o crea tu cuenta con este correo. El enlace es personal y vence el ${expires}. Si no lo esperabas, ignora este correo.`,
      },
    ],
    footer: en
      ? 'You receive this email because a VITA store invited this address to its team.'
      : 'Recibes este correo porque una tienda de VITA invitó a esta dirección a su equipo.',
  });
});
