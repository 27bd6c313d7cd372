import { z } from 'zod';

/**
 * Text the lab writes into its report as it came (nameProbennahmestelle, the office's name): Latin
 * letters, digits and a few marks only, so every report it builds stays valid against the XSDs
 * (din91379 datatypeC) whatever an order says.
 */
const reportText = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,;:()/'-]*$/, 'must be plain Latin text');

/**
 * POST /orders: the examination a health office orders for a citizen (through the hub's XWasser
 * connector). The report for it later names `caseId` as its vorgangsID and `orderId` as its
 * auftragsnummer, and goes to `reportTo`.
 */
export const labOrderSchema = z.strictObject({
  orderId: z.uuid(),
  caseId: z.uuid(),
  samplingPoint: reportText,
  reportTo: z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}:[A-Za-z0-9-]{1,40}$/, 'must be a DVDV id'),
    name: reportText,
  }),
});

export type LabOrder = z.infer<typeof labOrderSchema>;

/** How the lab took an order: new, the same order again, or another order under a known id. */
export type OrderTaken = 'new' | 'repeated' | 'conflict';

/** The orders the lab holds; an order sent twice (a retry) is one order. */
export class LabOrders {
  private readonly byId = new Map<string, LabOrder>();

  take(order: LabOrder): OrderTaken {
    const known = this.byId.get(order.orderId);
    if (!known) {
      this.byId.set(order.orderId, order);
      return 'new';
    }
    return JSON.stringify(known) === JSON.stringify(order) ? 'repeated' : 'conflict';
  }

  get(orderId: string): LabOrder | undefined {
    return this.byId.get(orderId);
  }

  all(): LabOrder[] {
    return [...this.byId.values()];
  }
}
