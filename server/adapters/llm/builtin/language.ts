import type { Locale } from '../types';
import { tokens } from './normalize';

/**
 * Function words and shopping words that only one of the two languages uses. Short chat messages rarely carry
 * enough function words, so the shopping vocabulary does most of the work ("precio?" vs "price?").
 */
const ES = new Set(
  `que de la el los las en y por para con sin un una unos es esta estan son hay tienen tienes tiene tenemos quiero
  puedo puede cuanto cuanta cuantos cuantas cuesta cuestan vale sale precio precios hola buenas buenos dias tardes
  noches gracias envio envios envian mandan llega demora tarda pago pagar aceptan tarjeta efectivo talla color colores
  negro blanco rojo azul verde gris rosa disponible todavia aun ya mi mis pedido compra cuando donde como si no me te
  lo le se del al muy mas porque favor descuento rebaja cambio cambiar devolver devolucion garantia queda quedan
  stock chompa polo casaca vestido zapatillas torta empanadas cafe domicilio recoger tienda parce wey che causa pe
  holi vale listo buen bueno dia nada hacen hace tengo sirve viene factura original material fotos llamar pasas
  regalame regale dejas dejo ultimo mayor oferta ofertas promo algun alguna ese esa este esto eso`.split(/\s+/),
);
const EN = new Set(
  `the an is are do does did you your i my we it this that these those of to for with without in on at and or
  how much many what which when where why can could would will have has had any there still stock available price
  cost hello hi hey thanks thank good morning evening please ship shipping deliver delivery order package tracking
  payment pay accept card size sizes color colors colour black white red grey gray navy cream return refund exchange
  warranty discount coupon sale deal best buy sweater beanie scarf come comes get got want need like make made
  sent arrive arrived long take takes back yet update wrong damaged fit pick up not no yes just`.split(/\s+/),
);

/** es/en from the words used; ties (an emoji, "ok", a bare number) go to the store's locale. */
export function detectLanguage(normalized: string, raw: string, fallback: Locale): Locale {
  let es = 0;
  let en = 0;
  if (/[¿¡ñáéíóú]/i.test(raw)) es += 2;
  for (const t of tokens(normalized)) {
    if (ES.has(t)) es += 1;
    if (EN.has(t)) en += 1;
  }
  if (es === en) return fallback;
  return es > en ? 'es' : 'en';
}
