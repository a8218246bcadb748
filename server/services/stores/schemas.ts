import { z } from 'zod';

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
  .min(3, 'Mínimo 3 caracteres.')
  .max(48, 'Máximo 48 caracteres.')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])$/, 'Solo minúsculas, números y guiones (sin guion al inicio o al final).')
  .refine((s) => !RESERVED_SLUGS.has(s), 'Esa dirección está reservada.');

const ZWhatsapp = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'Usa el formato internacional, por ejemplo +51 987 654 321.'));

const storeFields = {
  name: z.string().trim().min(2, 'Mínimo 2 caracteres.').max(60, 'Máximo 60 caracteres.'),
  slug: ZStoreSlug,
  description: z.string().trim().max(1000, 'Máximo 1000 caracteres.'),
  logoMediaId: z.string().uuid().nullable(),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Color en formato #RRGGBB.')
    .transform((s) => s.toLowerCase()),
  whatsapp: z.union([ZWhatsapp, z.literal('').transform(() => null), z.null()]),
  currency: z.enum(STORE_CURRENCIES, { message: 'Elige una moneda.' }),
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
