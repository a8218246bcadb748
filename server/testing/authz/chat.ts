import crypto from 'node:crypto';
import { authed, noInput, seller, type Matrix } from './format';

const clientId = () => crypto.randomBytes(12).toString('hex');

/**
 * Chat: a buyer reaches only their own conversations (anyone signed in may open one with a store); a store's inbox is
 * its members' (chat.reply, staff included). The victim world has a conversation of the victim buyer with the victim
 * store whose first message (`chatSecret`) and id are private values.
 */
export const matrix: Matrix = {
  'chat.start': authed((f) => ({ storeId: f.victim.storeId, productId: f.victim.productId, body: '¿Tienen talla M?', clientId: clientId() }), {
    buyer: 'ALLOWED',
    otherSeller: 'ALLOWED',
  }),
  'chat.send': authed((f) => ({ conversationId: f.victim.conversationId, body: 'hola', clientId: clientId() }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'chat.list': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'chat.thread': authed((f) => ({ conversationId: f.victim.conversationId }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'chat.markRead': authed((f) => ({ conversationId: f.victim.conversationId }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'chat.unreadCount': authed(noInput, { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'chat.events': authed(() => ({ lastEventId: null }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),

  'inbox.list': seller('chat.reply', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'inbox.counts': seller('chat.reply', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'inbox.products': seller('chat.reply', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'inbox.events': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, lastEventId: null }), {
    crossTenant: (_f, own) => ({ storeId: own.storeId, lastEventId: null }),
    crossTenantExpect: 'ALLOWED',
  }),
  'inbox.thread': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId }),
  }),
  'inbox.reply': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId, body: 'Sí, tenemos.', clientId: clientId() }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId, body: 'Sí', clientId: clientId() }),
  }),
  'inbox.markRead': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId }),
  }),
  'inbox.setStatus': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId, status: 'done' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId, status: 'done' }),
  }),
  'inbox.summarize': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId }),
  }),
  'inbox.suggest': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, conversationId: f.victim.conversationId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, conversationId: f.victim.conversationId }),
  }),

  // CRM: managers and owners (customers.read). The victim buyer wrote to the victim store, so is its customer.
  'crm.list': seller('customers.read', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'crm.insights': seller('customers.read', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'crm.customer': seller('customers.read', (f) => ({ storeId: f.victim.storeId, buyerId: f.victim.buyer.id }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, buyerId: f.victim.buyer.id }),
  }),
  'crm.addNote': seller('customers.read', (f) => ({ storeId: f.victim.storeId, buyerId: f.victim.buyer.id, body: 'Prefiere envío por Olva' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, buyerId: f.victim.buyer.id, body: 'x' }),
  }),
  'crm.addTag': seller('customers.read', (f) => ({ storeId: f.victim.storeId, buyerId: f.victim.buyer.id, tag: 'mayorista' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, buyerId: f.victim.buyer.id, tag: 'x' }),
  }),
  'crm.removeTag': seller('customers.read', (f) => ({ storeId: f.victim.storeId, buyerId: f.victim.buyer.id, tag: 'mayorista' }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, buyerId: f.victim.buyer.id, tag: 'x' }),
  }),
};
