import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import RootLayout from '@/app/layout';
import { baseSecurityHeaders, contentSecurityPolicy, isBroadcastPage, isLivePage, pageKind, permissionsPolicy } from './security-headers';

describe('security headers', () => {
  it('per-request pages get the nonce policy; cached pages the no-nonce one', () => {
    for (const p of ['/dashboard', '/dashboard/tiendas/x/equipo', '/carrito', '/checkout/abc', '/pedidos', '/ingresar', '/invitacion/t', '/admin']) expect(pageKind(p)).toBe('dynamic');
    for (const p of ['/', '/en', '/s/tienda', '/s/tienda/p/chompa', '/c/ropa', '/en/s/tienda', '/offline', '/dashboardx']) expect(pageKind(p)).toBe('cached');
    const dyn = contentSecurityPolicy({ kind: 'dynamic', nonce: 'abc123', pathname: '/dashboard' });
    expect(dyn).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(dyn).not.toContain('unsafe-inline\' \'strict');
    expect(dyn).not.toContain('unsafe-eval');
    const cached = contentSecurityPolicy({ kind: 'cached', pathname: '/s/x' });
    expect(cached).toContain("script-src 'self' 'unsafe-inline'");
    for (const csp of [dyn, cached]) {
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain('wasm-unsafe-eval');
    }
  });

  it('allows what others need: Cognito, the media bucket, IVS and the local HLS server on live pages, eval only in dev', () => {
    const env = { COGNITO_ENDPOINT: 'http://127.0.0.1:9229', MEDIA_DRIVER: 's3', MEDIA_BUCKET: 'b', MEDIA_REGION: 'sa-east-1', LIVE_HLS_BASE_URL: 'http://127.0.0.1:9391/hls' } as unknown as NodeJS.ProcessEnv;
    const live = contentSecurityPolicy({ kind: 'cached', pathname: '/live/abc', env });
    expect(live).toContain("'wasm-unsafe-eval'");
    expect(live).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:9229 https:\/\/b\.s3\.sa-east-1\.amazonaws\.com.* https:\/\/\*\.live-video\.net wss:\/\/\*\.live-video\.net http:\/\/127\.0\.0\.1:9391/);
    expect(live).toContain('media-src');
    expect(contentSecurityPolicy({ kind: 'dynamic', nonce: 'n', pathname: '/dashboard', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ kind: 'dynamic', nonce: 'n', pathname: '/x', https: true })).toContain('upgrade-insecure-requests');
  });

  it('names the pages that need their own document headers (components/security/own-document-headers.tsx)', () => {
    for (const p of ['/live/abc', '/en/live/abc', '/dashboard/tiendas/s/en-vivo/123']) expect(isLivePage(p)).toBe(true);
    for (const p of ['/', '/s/tienda', '/dashboard', '/dashboard/tiendas/s/billetera', '/livex']) expect(isLivePage(p)).toBe(false);
    expect(isBroadcastPage('/dashboard/tiendas/s/en-vivo/123')).toBe(true);
    expect(isBroadcastPage('/dashboard/tiendas/s/en-vivo')).toBe(true);
    for (const p of ['/live/abc', '/dashboard', '/dashboard/tiendas/s/pedidos']) expect(isBroadcastPage(p)).toBe(false);
  });

  it('camera and microphone only on the broadcast studio; HSTS only over https', () => {
    expect(permissionsPolicy('/dashboard/tiendas/abc/en-vivo')).toContain('camera=(self), microphone=(self)');
    expect(permissionsPolicy('/dashboard/tiendas/abc/en-vivo/123')).toContain('camera=(self)');
    expect(permissionsPolicy('/live/abc')).toContain('camera=(), microphone=()');
    expect(permissionsPolicy('/dashboard')).toContain('camera=(), microphone=()');
    expect(baseSecurityHeaders({ https: true, pathname: '/' })['Strict-Transport-Security']).toMatch(/max-age=63072000/);
    expect(baseSecurityHeaders({ https: false, pathname: '/' })['Strict-Transport-Security']).toBeUndefined();
    expect(baseSecurityHeaders({ https: false, pathname: '/' })).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  });

  it("allows the root layout's inline theme script by the hash of the text the layout renders (per-request pages only)", () => {
    // Render the real root layout and take every inline script it ships (there must be exactly the theme one).
    const html = renderToStaticMarkup(createElement(RootLayout, null, createElement('main')));
    const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('vita-theme');
    const source = `'sha256-${createHash('sha256').update(scripts[0]!, 'utf8').digest('base64')}'`;

    const dyn = contentSecurityPolicy({ kind: 'dynamic', nonce: 'abc123', pathname: '/ingresar' });
    const scriptSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src '))!.split(' ').slice(1);
    expect(scriptSrc(dyn)).toEqual(["'nonce-abc123'", "'strict-dynamic'", source]);
    expect(scriptSrc(contentSecurityPolicy({ kind: 'dynamic', nonce: 'n', pathname: '/dashboard/seguridad', dev: true }))).toContain(source);
    // Cached pages: 'unsafe-inline' runs it, and a hash there would make browsers ignore 'unsafe-inline' (RSC payload).
    const cached = scriptSrc(contentSecurityPolicy({ kind: 'cached', pathname: '/' }));
    expect(cached).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
