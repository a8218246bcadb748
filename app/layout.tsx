import type { Metadata, Viewport } from 'next';
import { DocumentHtml } from '@/components/providers/document-lang';
import { ServiceWorkerUpdates } from '@/components/pwa/sw-updates';
import { THEME_COLORS, THEME_SCRIPT } from '@/components/ui/theme-script';
import './globals.css';

export const metadata: Metadata = {
  // Absolute base for canonical/hreflang/Open Graph URLs.
  metadataBase: new URL(process.env.APP_URL ?? 'http://localhost:3000'),
  title: { default: 'VITA — tu tienda en minutos', template: '%s · VITA' },
  description: 'Abre tu tienda en minutos, vende en vivo desde tu teléfono y cobra de forma segura.',
  applicationName: 'VITA',
  appleWebApp: { capable: true, title: 'VITA', statusBarStyle: 'default' },
  icons: { icon: [{ url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }], apple: '/icons/apple-touch-icon.png' },
};

// The status bar follows the theme (app/dark-theme.css): violet in light mode, the page colour in dark mode. A theme
// chosen in the app (Claro/Oscuro) overrides these with its own meta tag (THEME_SCRIPT).
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <DocumentHtml>
      <head>
        {/* Applies the stored theme before first paint. Allowed by its hash on nonce-CSP pages (server/http/security-headers.ts). */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh">
        {children}
        <ServiceWorkerUpdates />
      </body>
    </DocumentHtml>
  );
}
