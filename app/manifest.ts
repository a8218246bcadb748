import type { MetadataRoute } from 'next';

/** Web app manifest (served at /manifest.webmanifest; linked from every page by Next). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'VITA — tu tienda en minutos',
    short_name: 'VITA',
    description: 'Abre tu tienda, vende en vivo desde tu teléfono y cobra de forma segura.',
    lang: 'es',
    dir: 'ltr',
    start_url: '/dashboard?fuente=pwa',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#7c3aed',
    categories: ['shopping', 'business'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'Nuevo producto', short_name: 'Nuevo', url: '/dashboard/ir/nuevo-producto', icons: [{ src: '/icons/shortcut-new-product.png', sizes: '96x96', type: 'image/png' }] },
      { name: 'Pedidos', url: '/dashboard/ir/pedidos', icons: [{ src: '/icons/shortcut-orders.png', sizes: '96x96', type: 'image/png' }] },
      { name: 'Salir en vivo', short_name: 'En vivo', url: '/dashboard/ir/en-vivo', icons: [{ src: '/icons/shortcut-live.png', sizes: '96x96', type: 'image/png' }] },
    ],
  };
}
