import { z } from 'zod';
import { vmsg } from '../../errors/validation';

/** Currencies a store can sell in (ISO 4217). */
export const STORE_CURRENCIES = ['USD', 'MXN', 'COP', 'PEN', 'ARS', 'CLP', 'BRL', 'GTQ', 'DOP', 'UYU', 'BOB', 'PYG', 'CRC', 'EUR'] as const;

/** Paths under `/s/` and words that would confuse people if used as a store slug. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'app', 'ayuda', 'buscar', 'c', 'dashboard', 'dev', 'help', 'ingresar', 'live', 'login', 'media',
  'nuevo', 'new', 'panel', 'soporte', 'support', 'tienda', 'tiendas', 'vita', 'www',
]);

export const ZStoreSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, vmsg('minChars', { minimum: 3 }))
  .max(48, vmsg('maxChars', { maximum: 48 }))
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])$/, vmsg('slugChars'))
  .refine((s) => !RESERVED_SLUGS.has(s), vmsg('slugReserved'));

const ZWhatsapp = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, vmsg('phoneFormat')));

const storeFields = {
  name: z.string().trim().min(2, vmsg('minChars', { minimum: 2 })).max(60, vmsg('maxChars', { maximum: 60 })),
  slug: ZStoreSlug,
  description: z.string().trim().max(1000, vmsg('maxChars', { maximum: 1000 })),
  logoMediaId: z.string().uuid().nullable(),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, vmsg('colorFormat'))
    .transform((s) => s.toLowerCase()),
  whatsapp: z.union([ZWhatsapp, z.literal('').transform(() => null), z.null()]),
  currency: z.enum(STORE_CURRENCIES, { message: vmsg('chooseCurrency') }),
};

export const ZCreateStoreInput = z.object({
  ...storeFields,
  description: storeFields.description.default(''),
  logoMediaId: storeFields.logoMediaId.default(null),
  brandColor: storeFields.brandColor.default('#7c3aed'),
  whatsapp: storeFields.whatsapp.default(null),
});
export type TCreateStoreInput = z.input<typeof ZCreateStoreInput>;

/** Only the fields present change. */
export const ZUpdateStoreInput = z.object({ storeId: z.string().uuid(), ...z.object(storeFields).partial().shape });
export type TUpdateStoreInput = z.input<typeof ZUpdateStoreInput>;

export const ZSuggestSlugInput = z.object({ name: z.string().trim().max(80), storeId: z.string().uuid().optional() });
