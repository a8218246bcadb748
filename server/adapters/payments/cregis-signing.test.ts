import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimal, parseDecimal, proportionalMinor } from './cregis-amounts';
import { cregisNonce, cregisSign, cregisSignatureValid, cregisSigningString, signCregisBody } from './cregis-signing';

/** The expected values below are written out by hand from the documented rule, not produced by the code under test. */
const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex');

describe('cregis signing', () => {
  const key = 'f502a9ac9ca54327986f29c03b271491';

  it('prepends the key to sorted key+value pairs and drops sign and empty values', () => {
    const params = {
      timestamp: 1688004243314,
      pid: 1382528827416576,
      nonce: 'hwlkk6',
      cregis_id: 'po20240703132452000',
      remark: '',
      payer_email: null,
      sign: 'ignored',
    };
    const hand = `${key}cregis_idpo20240703132452000noncehwlkk6pid1382528827416576timestamp1688004243314`;
    expect(cregisSigningString(params, key)).toBe(hand);
    expect(cregisSign(params, key)).toBe(md5(hand));
    expect(cregisSign(params, key)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('signs nested objects as the JSON strings that were sent, byte for byte (non-ASCII included)', () => {
    const data = '{"cregis_id":"po1","order_id":"Pedido ñandú","pay_amount":"10.5"}';
    const params = { event_name: 'order', event_type: 'paid', data, pid: 42, nonce: 'abc123', timestamp: 1700000000000 };
    const hand = `${key}data${data}event_nameorderevent_typepaidnonceabc123pid42timestamp1700000000000`;
    expect(cregisSign(params, key)).toBe(md5(hand));
    // Re-serialising `data` (here: different spacing) changes the signature: the pitfall the contract warns about.
    const reserialised = JSON.stringify(JSON.parse(data), null, 1);
    expect(cregisSign({ ...params, data: reserialised }, key)).not.toBe(md5(hand));
  });

  it('appending the key (instead of prepending) or upper-case hex does not verify', () => {
    const params = { a: '1', b: 'x', nonce: 'qwerty', pid: 7, timestamp: 1700000000000 };
    const appended = md5(`a1bxnonceqwertypid7timestamp1700000000000${key}`);
    expect(cregisSignatureValid({ ...params, sign: appended }, key)).toBe(false);
    const right = md5(`${key}a1bxnonceqwertypid7timestamp1700000000000`);
    expect(cregisSignatureValid({ ...params, sign: right }, key)).toBe(true);
    expect(cregisSignatureValid({ ...params, sign: right }, `${key}x`)).toBe(false);
    expect(cregisSignatureValid({ ...params, b: 'y', sign: right }, key)).toBe(false);
    expect(cregisSignatureValid({ ...params, sign: 'short' }, key)).toBe(false);
    expect(cregisSignatureValid({ ...params }, key)).toBe(false);
  });

  it('refuses numbers that lost precision and objects that should have been JSON strings', () => {
    expect(() => cregisSign({ pid: 2 ** 60 }, key)).toThrow(TypeError);
    expect(() => cregisSign({ order_details: { a: 1 } }, key)).toThrow(TypeError);
    expect(cregisSignatureValid({ order_details: { a: 1 } as never, sign: md5(key) }, key)).toBe(false);
  });

  it('builds signed bodies with a 6-character nonce and a 13-digit timestamp', () => {
    const body = signCregisBody({ cregis_id: 'po1' }, { pid: '1382528827416576', apiKey: key }, 1700000000123);
    expect(body.pid).toBe(1382528827416576);
    expect(body.nonce).toMatch(/^[a-z0-9]{6}$/);
    expect(body.timestamp).toBe(1700000000123);
    expect(body.sign).toBe(md5(`${key}cregis_idpo1nonce${body.nonce as string}pid1382528827416576timestamp1700000000123`));
    expect(new Set(Array.from({ length: 50 }, cregisNonce)).size).toBeGreaterThan(45);
  });
});

describe('cregis amounts', () => {
  it('converts minor units to decimal strings with the currency digits and back exactly', () => {
    expect(minorToDecimal(8990, 'PEN')).toBe('89.90');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(45000, 'COP')).toBe('45000');
    expect(decimalToMinor('89.90', 'PEN')).toBe(8990);
    expect(decimalToMinor('89.9', 'PEN')).toBe(8990);
    expect(decimalToMinor('45000', 'COP')).toBe(45000);
    expect(decimalToMinor('45000.5', 'COP')).toBeNull();
    expect(decimalToMinor('45000.5', 'COP', 'floor')).toBe(45000);
    expect(decimalToMinor('1e3', 'USD')).toBeNull();
    expect(decimalToMinor('-1', 'USD')).toBeNull();
    expect(decimalToMinor(' 1', 'USD')).toBeNull();
  });

  it('values a token payment in the order currency in proportion to what was requested, rounding down', () => {
    const requested = parseDecimal('24.273000')!;
    expect(proportionalMinor(8990, parseDecimal('24.273')!, requested)).toBe(8990);
    expect(proportionalMinor(8990, parseDecimal('12.1365')!, requested)).toBe(4495);
    expect(proportionalMinor(8990, parseDecimal('12.136')!, requested)).toBe(4494);
    expect(proportionalMinor(8990, parseDecimal('26.7003')!, requested)).toBe(9889);
    expect(proportionalMinor(1, parseDecimal('0')!, requested)).toBe(0);
    expect(proportionalMinor(1, parseDecimal('1')!, parseDecimal('0')!)).toBeNull();
  });
});
