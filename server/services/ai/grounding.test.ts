import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/components/ui/money';
import { donaRosa, modaAndina, tecnoMax } from '@/scripts/eval/fixtures';
import { checkGrounding } from './grounding';

const polo = modaAndina.products.find((p) => p.id === 'polo-basico')!;
const casaca = modaAndina.products.find((p) => p.id === 'casaca-jean')!;
const laptop = tecnoMax.products.find((p) => p.id === 'laptop-ultra')!;
const check = (text: string, product = polo, f = modaAndina) => checkGrounding({ text, store: f.store, products: f.products, product, orders: f.orders });
const kinds = (text: string, product = polo, f = modaAndina) => check(text, product, f).map((i) => i.kind);

describe('checkGrounding', () => {
  it('accepts replies that only state facts from the data', () => {
    expect(check(`Sí, tenemos la talla M en Rojo (3 disponibles). Cuesta ${formatMoney(3990, 'PEN')}.`)).toEqual([]);
    expect(check('La talla M está agotada; tenemos tallas S y L.', casaca)).toEqual([]);
    expect(check(`Envío Lima Metropolitana: ${formatMoney(1000, 'PEN')}, gratis desde ${formatMoney(15000, 'PEN')}.`)).toEqual([]);
    expect(check('Tu pedido #1042 ya fue enviado por Olva Courier.')).toEqual([]);
  });

  it('flags a price that is not in the data, or the wrong variant price', () => {
    expect(kinds(`El polo cuesta ${formatMoney(2990, 'PEN')}.`)).toEqual(['price']);
    expect(kinds(`Laptop Ultra 14 en 16 GB cuesta ${formatMoney(1899900, 'MXN')}.`, laptop, tecnoMax)).toEqual(['price']);
    expect(kinds(`Laptop Ultra 14 en 16 GB cuesta ${formatMoney(2199900, 'MXN')}.`, laptop, tecnoMax)).toEqual([]);
  });

  it('flags wrong stock counts and false sold-out / in-stock claims', () => {
    expect(kinds('Sí, tenemos la talla M en Rojo (5 disponibles).')).toEqual(['stock']);
    expect(kinds('La talla L está agotada.', casaca)).toEqual(['stock']);
    expect(kinds('Sí, tenemos la talla M.', casaca)).toEqual(['stock']);
    expect(kinds('Tenemos la talla S en Rojo y Negro.')).toEqual(['stock']);
  });

  it('flags option values the product does not have', () => {
    expect(kinds('Sí, lo tenemos en azul.')).toEqual(['option']);
    expect(kinds('Tenemos la talla XXL.')).toEqual(['option']);
  });

  it('flags order numbers and statuses that are not the buyer’s', () => {
    expect(kinds('Tu pedido #9999 ya fue enviado.')).toEqual(['order']);
    expect(kinds('Tu pedido #1042 figura como entregado.')).toEqual(['order']);
  });

  it('flags "free" when no delivery option is free', () => {
    const store = { ...donaRosa.store, deliveryOptions: [{ label: 'Domicilio', kind: 'flat_rate' as const, price: 6000 }] };
    expect(checkGrounding({ text: 'El domicilio es gratis.', store, products: donaRosa.products }).map((i) => i.kind)).toEqual(['free']);
  });
});
