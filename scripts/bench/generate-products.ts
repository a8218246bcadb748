/**
 * npm run bench:generate — fills DATABASE_URL with a synthetic marketplace for measuring search:
 * N products (default 100,000; BENCH_PRODUCTS or the first argument) over N/200 stores, 1–6 variants each,
 * varied Spanish titles and descriptions from word lists, one shared photo per product, ~3% archived products,
 * ~2% suspended stores, ~10% sold out. Loaded with COPY; the variant roll-up trigger is paused during the load
 * (price_min/stock_total are written directly), then ANALYZE.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { minorUnitDigits } from '../../components/ui/money';
import { runMigrations } from '../../server/db/migrate';
import { DEMO_CATEGORIES } from '../seed/data';

type Words = { nouns: string[]; attrs: string[]; extras: string[]; price: [number, number] };

/** Per category: what is sold, how it is described, and a price range in USD-ish major units. */
const WORDS: Record<string, Words> = {
  moda: {
    nouns: ['Chompa', 'Polera', 'Camiseta', 'Remera', 'Vestido', 'Falda', 'Blusa', 'Pantalón', 'Chaqueta', 'Poncho', 'Bufanda', 'Chalina', 'Gorro', 'Chullo', 'Cárdigan', 'Short', 'Jean', 'Camisa', 'Buzo', 'Casaca', 'Kimono', 'Enterizo', 'Sombrero', 'Cinturón', 'Bolso', 'Mochila', 'Riñonera', 'Medias', 'Guantes', 'Pijama'],
    attrs: ['de alpaca', 'de baby alpaca', 'de algodón orgánico', 'de lino', 'tejido a mano', 'bordado a mano', 'oversize', 'estampado', 'de jean', 'de lana de oveja', 'con capucha', 'de seda', 'de cuero', 'reversible', 'de punto', 'con flecos', 'de gabardina', 'de pana', 'de tela andina', 'con grecas'],
    extras: ['rojo', 'azul marino', 'negro', 'blanco', 'beige', 'verde oliva', 'terracota', 'mostaza', 'gris melange', 'rosa', 'celeste', 'vino', 'talla única', 'unisex', 'para niños', 'edición limitada', 'hecho en Cusco', 'de Oaxaca', 'de Palermo', 'colección verano'],
    price: [8, 180],
  },
  calzado: {
    nouns: ['Zapatillas', 'Botines', 'Sandalias', 'Huaraches', 'Mocasines', 'Alpargatas', 'Botas', 'Zapatos', 'Chanclas', 'Pantuflas'],
    attrs: ['de cuero', 'de lona', 'urbanas', 'de running', 'tejidas', 'de gamuza', 'con plataforma', 'de trekking', 'ortopédicas', 'veganas', 'de yute'],
    extras: ['blancas', 'negras', 'camel', 'marrón', 'azules', 'para mujer', 'para hombre', 'para niños', 'suela de caucho', 'hechas a mano'],
    price: [15, 220],
  },
  belleza: {
    nouns: ['Sérum', 'Crema', 'Jabón', 'Aceite', 'Bálsamo', 'Mascarilla', 'Shampoo', 'Acondicionador', 'Perfume', 'Exfoliante', 'Tónico', 'Labial', 'Protector solar'],
    attrs: ['de sacha inchi', 'de quinua', 'de muña', 'de coco', 'de rosa mosqueta', 'de aloe vera', 'de café', 'de cacao', 'de arcilla', 'de lavanda', 'de palo santo', 'de caléndula', 'vegano'],
    extras: ['30 ml', '50 ml', '100 ml', '250 ml', '500 g', 'para piel seca', 'para piel grasa', 'sin parabenos', 'orgánico', 'hecho a mano'],
    price: [3, 60],
  },
  hogar: {
    nouns: ['Manta', 'Cojín', 'Tapete', 'Jarrón', 'Taza', 'Vela', 'Canasta', 'Individual', 'Lámpara', 'Espejo', 'Maceta', 'Plato', 'Cuenco', 'Toalla', 'Cortina', 'Hamaca'],
    attrs: ['de barro negro', 'de cerámica', 'de lana', 'de algodón', 'de mimbre', 'de madera', 'tejido', 'bordado', 'de fibra natural', 'pintado a mano', 'de vidrio soplado', 'de totora'],
    extras: ['artesanal', 'grande', 'mediano', 'pequeño', 'set de 2', 'set de 4', 'de Ráquira', 'de Teotitlán', 'de Chinchero', 'con diseño andino'],
    price: [5, 250],
  },
  tecnologia: {
    nouns: ['Audífonos', 'Parlante', 'Cargador', 'Cable', 'Funda', 'Power bank', 'Smartwatch', 'Teclado', 'Mouse', 'Soporte', 'Lámpara LED', 'Micrófono', 'Cámara web', 'Hub USB-C'],
    attrs: ['inalámbricos', 'bluetooth', 'USB-C', 'de carga rápida', 'mecánico', 'ergonómico', 'resistente al agua', 'con cancelación de ruido', 'magnético', 'para laptop', 'para celular'],
    extras: ['negro', 'blanco', '20 W', '30 W', '2 m', '10.000 mAh', '20.000 mAh', 'con garantía', 'original', 'compatible iPhone', 'compatible Android'],
    price: [6, 200],
  },
  artesanias: {
    nouns: ['Alebrije', 'Retablo', 'Máscara', 'Figura', 'Tallado', 'Mate burilado', 'Tapiz', 'Atrapasueños', 'Cerámica', 'Canasta', 'Muñeca', 'Caja'],
    attrs: ['de copal', 'ayacuchano', 'de cerámica', 'de madera tallada', 'de paja', 'pintado a mano', 'de lana', 'tejido', 'de arcilla', 'de filigrana'],
    extras: ['pieza única', 'tradicional', 'de Oaxaca', 'de Ayacucho', 'de Chiapas', 'de Otavalo', 'colección', 'pequeño', 'mediano', 'grande'],
    price: [10, 300],
  },
  joyeria: {
    nouns: ['Anillo', 'Collar', 'Aretes', 'Pulsera', 'Dije', 'Argollas', 'Tobillera', 'Broche', 'Cadena', 'Esclava'],
    attrs: ['de plata', 'de plata 950', 'de lapislázuli', 'de cobre', 'de turquesa', 'de filigrana', 'de oro laminado', 'de piedras naturales', 'de chaquira', 'de spondylus', 'de cuarzo rosa'],
    extras: ['hecho a mano', 'minimalista', 'ajustable', 'con cadena', 'set', 'para regalo', 'martillado', 'de Taxco', 'mapuche', 'wixárika'],
    price: [8, 250],
  },
  'alimentos-y-bebidas': {
    nouns: ['Café', 'Chocolate', 'Mole', 'Miel', 'Panela', 'Salsa', 'Mermelada', 'Té', 'Quinua', 'Cacao', 'Maca', 'Ají', 'Granola', 'Dulce de leche', 'Yerba mate'],
    attrs: ['de especialidad', 'orgánico', 'de altura', 'artesanal', 'de metate', 'negro', 'de abeja', 'en grano', 'molido', 'tostado medio', 'picante', 'sin azúcar', 'de origen'],
    extras: ['250 g', '340 g', '500 g', '1 kg', 'del Huila', 'de Oaxaca', 'de Cusco', 'de los Yungas', 'de Chiapas', 'edición de cosecha'],
    price: [3, 60],
  },
  deportes: {
    nouns: ['Mat de yoga', 'Leggings', 'Botella', 'Balón', 'Mancuernas', 'Bandas elásticas', 'Camiseta deportiva', 'Gorra', 'Mochila', 'Guantes de gimnasio', 'Cuerda para saltar', 'Rodilleras'],
    attrs: ['antideslizante', 'de tiro alto', 'térmica', 'de fútbol', 'de vóley', 'hexagonales', 'de resistencia', 'dry-fit', 'running', 'de hidratación', 'acolchadas'],
    extras: ['6 mm', '750 ml', '1 L', 'número 5', '5 kg', 'set x3', 'negro', 'lila', 'verde', 'para trail'],
    price: [5, 150],
  },
  mascotas: {
    nouns: ['Cama', 'Collar', 'Arnés', 'Correa', 'Comedero', 'Juguete', 'Rascador', 'Transportadora', 'Snacks', 'Shampoo', 'Abrigo', 'Bebedero'],
    attrs: ['para perro', 'para gato', 'antiestrés', 'de cuero', 'acolchado', 'retráctil', 'de acero inoxidable', 'de caucho natural', 'naturales', 'hipoalergénico', 'impermeable'],
    extras: ['talla S', 'talla M', 'talla L', 'con chapita', '5 m', '150 g', 'reflectivo', 'lavable', 'rojo', 'azul'],
    price: [3, 90],
  },
};

const CURRENCIES: Array<[string, number]> = [
  ['PEN', 3.7],
  ['COP', 4000],
  ['MXN', 17],
  ['ARS', 900],
  ['CLP', 900],
  ['USD', 1],
  ['UYU', 40],
  ['BOB', 6.9],
];
const CITIES = ['Lima', 'Cusco', 'Arequipa', 'Bogotá', 'Medellín', 'Cali', 'Ciudad de México', 'Oaxaca', 'Guadalajara', 'Buenos Aires', 'Córdoba', 'Santiago', 'Valparaíso', 'Quito', 'Guayaquil', 'Montevideo', 'La Paz', 'Asunción'];
const STORE_WORDS = ['Tienda', 'Taller', 'Casa', 'Mercado', 'Rincón', 'Estudio', 'Bazar', 'Boutique', 'Emporio', 'Colectivo'];
const STORE_NAMES = ['Andina', 'del Sol', 'Luna', 'Quetzal', 'Inti', 'Pachamama', 'Colibrí', 'Alpaca', 'Cóndor', 'Jaguar', 'Maíz', 'Cacao', 'Sierra', 'Río', 'Volcán', 'Selva', 'Aurora', 'Brisa', 'Tierra', 'Raíz'];
const OPENERS = ['Producto elaborado por artesanos locales', 'Hecho en pequeños lotes con materiales seleccionados', 'Diseño propio inspirado en la tradición latinoamericana', 'Fabricado con cuidado y comercio justo', 'Un clásico de nuestra tienda'];
const CLOSERS = ['Envíos a todo el país.', 'Consulta por WhatsApp antes de comprar.', 'Garantía de satisfacción de 30 días.', 'Ideal para regalar.', 'Stock limitado.', 'Cada pieza puede variar ligeramente.'];

/** Small fast deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** COPY text-format field. */
function f(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyRows(sql: postgres.Sql, table: string, columns: string[], rows: Iterable<Array<string | number | boolean | null>>) {
  const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
  async function* lines() {
    let chunk = '';
    for (const r of rows) {
      chunk += r.map(f).join('\t') + '\n';
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), writable);
}

export type GenerateOptions = { url: string; products: number; seed?: number; log?: (l: string) => void };

export async function generateProducts({ url, products: n, seed = 42, log = console.log }: GenerateOptions): Promise<{ stores: number; products: number; variants: number; ms: number }> {
  const started = Date.now();
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`INSERT INTO users (id, email, display_name) VALUES ('bench-owner', 'bench@vita.local', 'Bench') ON CONFLICT (id) DO NOTHING`;
    for (const [i, c] of DEMO_CATEGORIES.entries()) {
      await sql`INSERT INTO categories (slug, name_es, name_en, sort_order) VALUES (${c.slug}, ${c.nameEs}, ${c.nameEn}, ${i}) ON CONFLICT (slug) DO NOTHING`;
    }
    const cats = await sql<{ id: string; slug: string }[]>`SELECT id, slug FROM categories WHERE slug IN ${sql(DEMO_CATEGORIES.map((c) => c.slug))}`;
    const catIds = cats.map((c) => ({ id: c.id, words: WORDS[c.slug]! })).filter((c) => c.words);

    const runId = crypto.randomBytes(3).toString('hex');
    const storeCount = Math.max(1, Math.round(n / 200));
    const stores = Array.from({ length: storeCount }, (_, i) => {
      const [currency, rate] = pick(CURRENCIES);
      const name = `${pick(STORE_WORDS)} ${pick(STORE_NAMES)} ${pick(CITIES)}`;
      return { id: crypto.randomUUID(), slug: `bench-${runId}-${i}`, name, currency, rate, suspended: rand() < 0.02 };
    });
    await copyRows(
      sql,
      'stores',
      ['id', 'slug', 'name', 'description', 'currency', 'status', 'brand_color'],
      stores.map((s) => [s.id, s.slug, s.name, `Tienda de ${s.name} con envíos a todo el país.`, s.currency, s.suspended ? 'suspended' : 'active', '#7c3aed']),
    );
    await copyRows(sql, 'store_members', ['store_id', 'user_id', 'role'], stores.map((s) => [s.id, 'bench-owner', 'owner']));

    // A shared pool of photos (the benchmark never serves the bytes, only the rows matter).
    const mediaIds = Array.from({ length: 200 }, () => crypto.randomUUID());
    await copyRows(
      sql,
      'media',
      ['id', 'owner_user_id', 'key', 'mime', 'bytes', 'width', 'height', 'status'],
      mediaIds.map((id, i) => [id, 'bench-owner', `bench/${runId}/${i}.webp`, 'image/webp', 12000, 800, 800, 'ready']),
    );

    type P = { id: string; storeId: string; price: number; variants: Array<{ price: number | null; stock: number }> };
    const plist: P[] = [];
    const now = Date.now();
    const slugCounter = new Map<string, number>();
    function* productRows() {
      for (let i = 0; i < n; i++) {
        const store = stores[Math.floor(rand() * stores.length)]!;
        const cat = pick(catIds);
        const w = cat.words;
        const title = `${pick(w.nouns)} ${pick(w.attrs)}${rand() < 0.7 ? ` ${pick(w.extras)}` : ''}`;
        const base = `${title} ${i}`
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60);
        const seen = slugCounter.get(store.id + base) ?? 0;
        slugCounter.set(store.id + base, seen + 1);
        const slug = seen ? `${base}-${seen}` : base;
        const description = `${pick(OPENERS)}: ${title.toLowerCase()} ${pick(w.attrs)}, ${pick(w.extras)}. ${pick(CLOSERS)} ${pick(CLOSERS)}`;
        const digits = minorUnitDigits(store.currency);
        const major = (w.price[0] + (w.price[1] - w.price[0]) * rand() ** 2) * store.rate;
        const price = Math.max(1, Math.round(major * 10 ** digits));
        const compareAt = rand() < 0.15 ? Math.round(price * (1.1 + rand() * 0.4)) : null;
        const nVariants = rand() < 0.35 ? 1 : 2 + Math.floor(rand() * 5);
        const soldOut = rand() < 0.1;
        const variants = Array.from({ length: nVariants }, () => ({
          price: rand() < 0.15 ? Math.round(price * (1 + rand() * 0.3)) : null,
          stock: soldOut || rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 40),
        }));
        const priceMin = Math.min(...variants.map((v) => v.price ?? price));
        const stockTotal = variants.reduce((s, v) => s + v.stock, 0);
        const id = crypto.randomUUID();
        plist.push({ id, storeId: store.id, price, variants });
        const created = new Date(now - rand() * 365 * 86_400_000).toISOString();
        const sales = Math.floor(rand() ** 4 * 2000);
        yield [
          id,
          store.id,
          slug,
          title,
          description,
          cat.id,
          rand() < 0.03 ? 'archived' : 'active',
          price,
          compareAt,
          store.currency,
          priceMin,
          stockTotal,
          sales,
          rand() < 0.01 ? 1 : 0,
          created,
          created,
        ];
      }
    }
    await copyRows(
      sql,
      'products',
      ['id', 'store_id', 'slug', 'title', 'description', 'category_id', 'status', 'price', 'compare_at_price', 'currency', 'price_min', 'stock_total', 'sales_count', 'featured', 'created_at', 'updated_at'],
      productRows(),
    );
    log(`bench: ${n} products in ${storeCount} stores copied (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // price_min/stock_total were computed above; skip the per-row roll-up while bulk loading.
    let variantCount = 0;
    await sql.begin(async (tx) => {
      await tx`ALTER TABLE product_variants DISABLE TRIGGER product_variants_rollup`;
      await copyRows(
        tx as unknown as postgres.Sql,
        'product_variants',
        ['product_id', 'options', 'price', 'stock', 'position'],
        (function* () {
          for (const p of plist) {
            for (const [i, v] of p.variants.entries()) {
              variantCount++;
              yield [p.id, JSON.stringify(p.variants.length > 1 ? { Opción: String(i + 1) } : {}), v.price, v.stock, i];
            }
          }
        })(),
      );
      await tx`ALTER TABLE product_variants ENABLE TRIGGER product_variants_rollup`;
    });
    await copyRows(
      sql,
      'product_images',
      ['product_id', 'media_id', 'position'],
      (function* () {
        for (const [i, p] of plist.entries()) yield [p.id, mediaIds[i % mediaIds.length]!, 0];
      })(),
    );
    await sql.unsafe('VACUUM ANALYZE products, product_variants, product_images, stores, media, categories');
    const ms = Date.now() - started;
    log(`bench: ${variantCount} variants, photos, VACUUM ANALYZE done in ${(ms / 1000).toFixed(1)} s`);
    return { stores: storeCount, products: n, variants: variantCount, ms };
  } finally {
    await sql.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database to fill (it is migrated first).');
  const n = Number(process.argv[2] ?? process.env.BENCH_PRODUCTS ?? 100_000);
  await runMigrations(url);
  await generateProducts({ url, products: n });
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
