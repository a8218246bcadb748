import { z } from 'zod';
import { addNote, addTag, listCustomers, removeTag } from '../services/crm/customers';
import { getCustomerPage } from '../services/crm/customer-page';
import { storeInsights } from '../services/crm/insights';
import { ZAddNoteInput, ZBuyerId, ZCustomerListInput, ZTagInput } from '../services/crm/schemas';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

// Customers, their value and notes: managers and owners (customers.read).
const crm = sellerProcedure.meta({ permission: 'customers.read' });
const store = z.object({ storeId: z.string().uuid() });

/** The store's CRM (`/dashboard/tiendas/<id>/clientes`): customers, segments, customer page, insights. */
export const crmRouter = createTRPCRouter({
  list: crm.input(ZCustomerListInput.extend(store.shape)).query(({ ctx, input }) => listCustomers({ db: ctx.db, store: ctx.store, input: { segment: input.segment, tag: input.tag, q: input.q } })),
  customer: crm.input(store.extend({ buyerId: ZBuyerId })).query(({ ctx, input }) => getCustomerPage({ db: ctx.db, store: ctx.store, buyerId: input.buyerId })),
  insights: crm.input(store).query(({ ctx }) => storeInsights({ db: ctx.db, store: ctx.store })),
  addNote: crm.input(ZAddNoteInput.extend(store.shape)).mutation(({ ctx, input }) => addNote({ db: ctx.db, store: ctx.store, authorUserId: ctx.user.id, input: { buyerId: input.buyerId, body: input.body } })),
  addTag: crm.input(ZTagInput.extend(store.shape)).mutation(({ ctx, input }) => addTag({ db: ctx.db, store: ctx.store, input: { buyerId: input.buyerId, tag: input.tag } })),
  removeTag: crm.input(ZTagInput.extend(store.shape)).mutation(({ ctx, input }) => removeTag({ db: ctx.db, store: ctx.store, input: { buyerId: input.buyerId, tag: input.tag } })),
});
