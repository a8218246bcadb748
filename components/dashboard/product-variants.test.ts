import { describe, expect, it } from 'vitest';
import { regenerateVariants, type TOptionRow, type TVariantRow } from './product-variants';

const talla: TOptionRow = { name: 'Talla', values: ['S', 'M'] };
const row = (id: string, options: Record<string, string>, stock: string): TVariantRow => ({
  id,
  options,
  sku: '',
  price: '',
  stock,
});

describe('regenerateVariants', () => {
  it('turns the single variant into the first combination when options are added', () => {
    const out = regenerateVariants([], [talla], [row('v0', {}, '7')]);
    expect(out.map((v) => [v.id, v.options, v.stock])).toEqual([
      ['v0', { Talla: 'S' }, '7'],
      [undefined, { Talla: 'M' }, '0'],
    ]);
  });

  it('keeps ids and stock when a second option is added', () => {
    const prev = [row('s', { Talla: 'S' }, '2'), row('m', { Talla: 'M' }, '3')];
    const color: TOptionRow = { name: 'Color', values: ['Rojo', 'Negro'] };
    const out = regenerateVariants([talla], [talla, color], prev);
    expect(out).toHaveLength(4);
    expect(out.filter((v) => v.id).map((v) => [v.id, v.options, v.stock])).toEqual([
      ['s', { Talla: 'S', Color: 'Rojo' }, '2'],
      ['m', { Talla: 'M', Color: 'Rojo' }, '3'],
    ]);
  });

  it('keeps rows when an option is renamed in place, even while its name is empty', () => {
    const prev = [row('s', { Talla: 'S' }, '2'), row('m', { Talla: 'M' }, '3')];
    const cleared = regenerateVariants([talla], [{ name: '', values: ['S', 'M'] }], prev);
    expect(cleared.map((v) => v.id)).toEqual(['s', 'm']);
    const renamed = regenerateVariants([{ name: '', values: ['S', 'M'] }], [{ name: 'Tamaño', values: ['S', 'M'] }], cleared);
    expect(renamed.map((v) => [v.id, v.options])).toEqual([
      ['s', { Tamaño: 'S' }],
      ['m', { Tamaño: 'M' }],
    ]);
  });

  it('drops the rows of a removed value and adds a new value with stock 0', () => {
    const prev = [row('s', { Talla: 'S' }, '2'), row('m', { Talla: 'M' }, '3')];
    const out = regenerateVariants([talla], [{ name: 'Talla', values: ['M', 'L'] }], prev);
    expect(out.map((v) => [v.id, v.options.Talla, v.stock])).toEqual([
      ['m', 'M', '3'],
      [undefined, 'L', '0'],
    ]);
  });

  it('keeps one row per remaining combination when an option is removed', () => {
    const color: TOptionRow = { name: 'Color', values: ['Rojo', 'Negro'] };
    const prev = [
      row('a', { Talla: 'S', Color: 'Rojo' }, '1'),
      row('b', { Talla: 'S', Color: 'Negro' }, '2'),
      row('c', { Talla: 'M', Color: 'Rojo' }, '3'),
      row('d', { Talla: 'M', Color: 'Negro' }, '4'),
    ];
    const out = regenerateVariants([talla, color], [color], prev);
    expect(out.map((v) => [v.id, v.options])).toEqual([
      ['a', { Color: 'Rojo' }],
      ['b', { Color: 'Negro' }],
    ]);
    const none = regenerateVariants([color], [], out);
    expect(none.map((v) => [v.id, v.options])).toEqual([['a', {}]]);
  });
});
