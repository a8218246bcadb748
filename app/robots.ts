import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/server/http/site-url';

/** robots.txt: public catalogue crawlable; personal and transactional areas not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        disallow: ['/api/', '/dashboard', '/carrito', '/checkout', '/pedidos', '/ingresar', '/mensajes', '/admin', '/dev/', '/offline', '/*/qr'],
      },
    ],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
