import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Base64 } from './sha256';

describe('sha256Base64', () => {
  it('matches node:crypto for empty, short, block-boundary, multi-block and non-ASCII input', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65), 'x'.repeat(1000), 'Sí, señor — 🌙 oscuro'];
    for (const s of inputs) expect(sha256Base64(s), JSON.stringify(s.slice(0, 20))).toBe(createHash('sha256').update(s, 'utf8').digest('base64'));
  });

  it('gives the known FIPS 180-2 digest of "abc"', () => {
    expect(Buffer.from(sha256Base64('abc'), 'base64').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
