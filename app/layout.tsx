import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'VITA — tu tienda en minutos', template: '%s · VITA' },
  description: 'Abre tu tienda en minutos, vende en vivo desde tu teléfono y cobra de forma segura.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#7c3aed' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="es">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
