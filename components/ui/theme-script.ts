/**
 * The in-app theme choice (Sistema / Claro / Oscuro), stored on the device in localStorage under THEME_STORAGE_KEY:
 * 'light' or 'dark'; nothing stored means "follow the system". No cookie: nothing is rendered on the server
 * differently per theme (the root layout is static and cached pages are shared), so the server never needs it.
 *
 * THEME_SCRIPT runs in the root layout's <head> before first paint (no flash of the wrong theme) and owns applying
 * the choice: `<html data-theme>` (app/dark-theme.css reads it), `style.colorScheme` (form controls, scrollbars)
 * and the status-bar colour: a chosen theme puts its own media-less `<meta name="theme-color">` first in <head> (the
 * first matching one wins), leaving the two media-query ones Next renders from `viewport` untouched, so React's
 * hydration of those is not disturbed; "Sistema" removes it again. It also listens for `storage` events, so a change
 * made in another tab applies here too; the switch (theme-switch.tsx) announces same-tab changes the same way.
 *
 * CSP: per-request pages allow only nonced scripts and the static layout cannot read the nonce, so
 * server/http/security-headers.ts allows this exact text by its SHA-256 hash, computed from this constant — keep
 * it a plain constant (no per-request or per-build values), or the hash and the shipped script drift apart.
 */
export const THEME_STORAGE_KEY = 'vita-theme';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Status-bar colours: violet in light mode, the page colour in dark mode (app/layout.tsx `viewport` uses them too). */
export const THEME_COLORS = { light: '#7c3aed', dark: '#0b0b0e' } as const;

export const THEME_SCRIPT =
  '(function(){' +
  `var k=${JSON.stringify(THEME_STORAGE_KEY)},c=${JSON.stringify(THEME_COLORS)},d=document.documentElement;` +
  'function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}' +
  "if(t!=='light'&&t!=='dark')t=null;" +
  "var m=document.getElementById('vita-theme-color');" +
  "if(t){d.dataset.theme=t;d.style.colorScheme=t;" +
  "if(!m){m=document.createElement('meta');m.name='theme-color';m.id='vita-theme-color';document.head.prepend(m)}m.content=c[t]}" +
  "else{delete d.dataset.theme;d.style.colorScheme='';if(m)m.remove()}}" +
  "a();addEventListener('storage',function(e){if(!e.key||e.key===k)a()})" +
  '})()';
