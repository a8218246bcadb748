import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IVS_WASM_BINARY, IVS_WASM_WORKER } from './live-player';

/** The player's WASM worker is served from public/ (copied from the package): a version bump must copy it again. */
describe('IVS player assets', () => {
  it('public/ivs holds the installed amazon-ivs-player version\'s wasm worker and binary, byte for byte', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('node_modules/amazon-ivs-player/package.json'), 'utf8')) as { version: string };
    expect(IVS_WASM_WORKER).toBe(`/ivs/${pkg.version}/amazon-ivs-wasmworker.min.js`);
    for (const url of [IVS_WASM_WORKER, IVS_WASM_BINARY]) {
      const served = fs.readFileSync(path.resolve('public', url.slice(1)));
      const shipped = fs.readFileSync(path.resolve('node_modules/amazon-ivs-player/dist/assets', path.basename(url)));
      expect(served.equals(shipped)).toBe(true);
    }
  });
});
