import type { OrderFacts, ProductFacts, StoreFacts } from '../../server/adapters/llm/types';

/**
 * Fixture stores for the AI evaluation and the engine's unit tests: shaped like what the server fetches from the
 * catalog, the store's commerce settings and the buyer's orders. Stocks include sold-out variants on purpose, and
 * some variants override the product price, so replies have something to get wrong.
 */
export type FixtureStore = {
  key: string;
  /** The seller's language (replies follow the buyer's when it can be told). */
  locale: 'es' | 'en';
  store: StoreFacts;
  products: ProductFacts[];
  /** The orders of the buyer writing in (the eval passes them with every message). */
  orders: OrderFacts[];
};

function grid(
  sizeKey: string,
  sizes: string[],
  colorKey: string,
  colors: string[],
  stock: (size: string, color: string) => number,
  price?: (size: string, color: string) => number | null,
) {
  return sizes.flatMap((s) =>
    colors.map((c) => ({ options: { [sizeKey]: s, [colorKey]: c }, stock: stock(s, c), price: price?.(s, c) ?? null })),
  );
}

export const modaAndina: FixtureStore = {
  key: 'moda',
  locale: 'es',
  store: {
    name: 'Moda Andina',
    currency: 'PEN',
    deliveryOptions: [
      { label: 'Envío Lima Metropolitana', kind: 'free_over', price: 1000, freeOver: 15000, details: '1 a 2 días hábiles' },
      { label: 'Envío a provincias (Olva Courier)', kind: 'flat_rate', price: 1800, details: '3 a 5 días hábiles' },
      { label: 'Recojo en tienda', kind: 'pickup', price: 0, details: 'Av. Larco 345, Miraflores; lun a sáb de 10:00 a 19:00' },
    ],
    paymentMethods: ['Tarjeta de crédito o débito', 'Yape', 'Plin', 'Transferencia BCP'],
    returnPolicy: 'Cambios de talla o color dentro de 7 días con la etiqueta puesta; las prendas en oferta no tienen cambio.',
  },
  products: [
    {
      id: 'polo-basico',
      title: 'Polo básico de algodón',
      price: 3990,
      currency: 'PEN',
      variants: grid('Talla', ['S', 'M', 'L', 'XL'], 'Color', ['Rojo', 'Negro', 'Blanco'], (s, c) =>
        s === 'M' && c === 'Rojo' ? 3 : s === 'XL' && c === 'Blanco' ? 0 : s === 'S' && c === 'Rojo' ? 0 : 5,
      ),
      url: '/p/moda-andina/polo-basico',
    },
    {
      id: 'casaca-jean',
      title: 'Casaca jean oversize',
      price: 12990,
      currency: 'PEN',
      variants: [
        { options: { Talla: 'S' }, stock: 2 },
        { options: { Talla: 'M' }, stock: 0 },
        { options: { Talla: 'L' }, stock: 4 },
      ],
      url: '/p/moda-andina/casaca-jean',
    },
    {
      id: 'zapatillas-urbanas',
      title: 'Zapatillas urbanas',
      price: 15990,
      currency: 'PEN',
      variants: grid(
        'Talla',
        ['38', '39', '40', '41', '42'],
        'Color',
        ['Blanco', 'Negro'],
        (s, c) => (s === '40' && c === 'Negro' ? 0 : s === '42' ? 1 : 3),
        (s) => (s === '42' ? 16990 : null),
      ),
    },
    {
      id: 'vestido-lino',
      title: 'Vestido de lino',
      price: 8990,
      currency: 'PEN',
      variants: grid('Talla', ['S', 'M', 'L'], 'Color', ['Beige', 'Verde'], (s, c) => (c === 'Verde' && s !== 'M' ? 0 : 2)),
    },
  ],
  orders: [
    {
      number: '1042',
      status: 'fulfilled',
      total: 9980,
      currency: 'PEN',
      items: ['Polo básico de algodón (M, Rojo) x2'],
      deliveryLabel: 'Envío a provincias (Olva Courier)',
      carrier: 'Olva Courier',
      trackingNumber: 'OLV-558211',
      updatedAt: '2026-11-25T15:00:00Z',
    },
  ],
};

export const tecnoMax: FixtureStore = {
  key: 'tecno',
  locale: 'es',
  store: {
    name: 'TecnoMax',
    currency: 'MXN',
    deliveryOptions: [
      { label: 'Envío estándar (Estafeta)', kind: 'free_over', price: 9900, freeOver: 99900, details: '3 a 6 días hábiles a todo México' },
      { label: 'Envío express CDMX', kind: 'flat_rate', price: 14900, details: 'el mismo día si compras antes de las 13:00' },
    ],
    paymentMethods: ['Tarjeta de crédito o débito', 'Transferencia SPEI', 'Pago en OXXO'],
    returnPolicy: 'Devoluciones dentro de 30 días si el producto está sin uso; garantía de 12 meses por defectos de fábrica.',
  },
  products: [
    {
      id: 'audifonos-bt',
      title: 'Audífonos Bluetooth Pro',
      price: 89900,
      currency: 'MXN',
      variants: [
        { options: { Color: 'Negro' }, stock: 8 },
        { options: { Color: 'Blanco' }, stock: 0 },
      ],
    },
    { id: 'cargador-65w', title: 'Cargador USB-C 65W', price: 44900, currency: 'MXN', variants: [{ options: {}, stock: 12 }] },
    {
      id: 'smartwatch-fit',
      title: 'Smartwatch Fit 2',
      price: 149900,
      currency: 'MXN',
      variants: [
        { options: { Color: 'Negro' }, stock: 5 },
        { options: { Color: 'Rosa' }, stock: 0 },
        { options: { Color: 'Azul' }, stock: 1 },
      ],
    },
    {
      id: 'funda-iphone',
      title: 'Funda para iPhone 15',
      price: 24900,
      currency: 'MXN',
      variants: [
        { options: { Modelo: 'iPhone 15', Color: 'Transparente' }, stock: 10 },
        { options: { Modelo: 'iPhone 15', Color: 'Negro' }, stock: 4 },
        { options: { Modelo: 'iPhone 15 Pro', Color: 'Transparente' }, stock: 0 },
        { options: { Modelo: 'iPhone 15 Pro', Color: 'Negro' }, stock: 6 },
      ],
    },
    {
      id: 'laptop-ultra',
      title: 'Laptop Ultra 14',
      price: 1899900,
      currency: 'MXN',
      variants: [
        { options: { Memoria: '8 GB' }, stock: 3 },
        { options: { Memoria: '16 GB' }, stock: 2, price: 2199900 },
      ],
    },
  ],
  orders: [
    {
      number: '2210',
      status: 'paid',
      total: 99800,
      currency: 'MXN',
      items: ['Audífonos Bluetooth Pro (Negro)'],
      deliveryLabel: 'Envío estándar (Estafeta)',
      updatedAt: '2026-11-28T18:30:00Z',
    },
  ],
};

export const donaRosa: FixtureStore = {
  key: 'cafe',
  locale: 'es',
  store: {
    name: 'Café y Pan Doña Rosa',
    currency: 'COP',
    deliveryOptions: [
      { label: 'Recoger en la tienda (Laureles)', kind: 'pickup', price: 0, details: 'Circular 4 #70-12, todos los días de 7:00 a 20:00' },
      { label: 'Domicilio en Medellín', kind: 'free_over', price: 6000, freeOver: 80000, details: 'el mismo día, en 1 a 2 horas' },
    ],
    paymentMethods: ['Efectivo contra entrega', 'Nequi', 'Daviplata', 'Tarjeta'],
    returnPolicy: null,
  },
  products: [
    {
      id: 'torta-chocolate',
      title: 'Torta de chocolate',
      price: 65000,
      currency: 'COP',
      variants: [
        { options: { Tamaño: 'Mediana' }, stock: 4 },
        { options: { Tamaño: 'Grande' }, stock: 1, price: 110000 },
      ],
    },
    {
      id: 'cafe-origen',
      title: 'Café de origen 500 g',
      price: 32000,
      currency: 'COP',
      variants: [
        { options: { Molienda: 'Grano' }, stock: 15 },
        { options: { Molienda: 'Molido' }, stock: 0 },
      ],
    },
    { id: 'pandebonos', title: 'Pandebonos x 12', price: 18000, currency: 'COP', variants: [{ options: {}, stock: 30 }] },
    {
      id: 'empanadas',
      title: 'Empanadas x 10',
      price: 25000,
      currency: 'COP',
      variants: [
        { options: { Sabor: 'Carne' }, stock: 6 },
        { options: { Sabor: 'Pollo' }, stock: 3 },
        { options: { Sabor: 'Queso' }, stock: 0 },
      ],
    },
  ],
  orders: [],
};

export const andesKnits: FixtureStore = {
  key: 'knits',
  locale: 'en',
  store: {
    name: 'Andes Knits',
    currency: 'USD',
    deliveryOptions: [
      { label: 'International shipping (DHL)', kind: 'free_over', price: 2500, freeOver: 15000, details: '5 to 8 business days' },
      { label: 'Pickup in Cusco', kind: 'pickup', price: 0, details: 'Calle Plateros 320, Cusco; Mon–Sat 9:00–18:00' },
    ],
    paymentMethods: ['Credit or debit card', 'USDT', 'PayPal'],
    returnPolicy: 'Returns within 30 days if unworn; the buyer pays the return shipping.',
  },
  products: [
    {
      id: 'alpaca-sweater',
      title: 'Alpaca Sweater',
      price: 8900,
      currency: 'USD',
      variants: grid('Size', ['S', 'M', 'L'], 'Color', ['Grey', 'Cream'], (s, c) => (s === 'L' && c === 'Cream' ? 0 : s === 'M' && c === 'Grey' ? 2 : 4)),
    },
    {
      id: 'alpaca-beanie',
      title: 'Alpaca Beanie',
      price: 2500,
      currency: 'USD',
      variants: [
        { options: { Color: 'Grey' }, stock: 9 },
        { options: { Color: 'Red' }, stock: 0 },
        { options: { Color: 'Navy' }, stock: 3 },
      ],
    },
    { id: 'alpaca-scarf', title: 'Alpaca Scarf', price: 3900, currency: 'USD', variants: [{ options: {}, stock: 7 }] },
  ],
  orders: [
    {
      number: '3307',
      status: 'delivered',
      total: 11400,
      currency: 'USD',
      items: ['Alpaca Sweater (M, Grey)', 'Alpaca Beanie (Grey)'],
      deliveryLabel: 'International shipping (DHL)',
      carrier: 'DHL',
      trackingNumber: 'DHL 4471 2290',
      updatedAt: '2026-11-20T12:00:00Z',
    },
  ],
};

export const FIXTURE_STORES: Record<string, FixtureStore> = {
  moda: modaAndina,
  tecno: tecnoMax,
  cafe: donaRosa,
  knits: andesKnits,
};
