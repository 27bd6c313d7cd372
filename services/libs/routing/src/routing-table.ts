import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { procedureKinds, schemaType, type ProcedureKind, type XoevStandard } from '@hub/contracts';
import { HubError } from '@hub/errors';

/*
 * Which procedure handles an application: LeiKa service key + AGS municipality key → the kind of
 * procedure (its connector), the message it gets, who reads it and who writes it, and the XÖV
 * version it speaks. Configuration, not code: a city adds a service or an authority by editing
 * deploy/config/routing-table.json (ADR 0014).
 */

// The symbols of the contract's enum, so a standard added there is a standard routes may name.
const xoevStandards = (schemaType('common/xoev-standard').schema() as { symbols: XoevStandard[] })
  .symbols as [XoevStandard, ...XoevStandard[]];

/** A party of an XÖV message head (`leser`, `autor`), as registered in the DVDV. */
const dvdvParty = z
  .object({
    dvdvId: z.string().regex(/^[a-z]{3}:\d+$/, 'must be a DVDV id like bab:05913000'),
    name: z.string().min(1),
  })
  .strict();

const routeFields = z
  .object({
    serviceKey: z.string().regex(/^\d{14}$/, 'must be a LeiKa service key of 14 digits'),
    municipalityKey: z.string().regex(/^\d{8}$/, 'must be an AGS of 8 digits'),
    /** A procedure kind of the catalogue (`procedureKinds` in @hub/contracts): its connector. */
    procedure: z.string().min(1),
    standard: z.enum(xoevStandards),
    /** The XÖV message the procedure gets, e.g. baugenehmigung.antrag.0200. */
    messageType: z.string().min(1),
    /** The receiving authority: the message's reader and the XTA recipient. */
    reader: dvdvParty,
    /** The hub's identity towards this authority: the message's author. */
    author: dvdvParty,
    /** XÖV versions by the date from which they apply, e.g. {"2024-01-01": "2.5", "2026-07-01": "2.6"}. */
    versions: z
      .record(z.iso.date(), z.string().min(1))
      .refine((v) => Object.keys(v).length > 0, 'needs at least one version'),
    /**
     * The fee charged before the application is delivered; null: free of charge. The hub takes the
     * amount from here, never from the caller.
     */
    fee: z
      .object({
        amount: z
          .string()
          .regex(/^\d{1,7}\.\d{2}$/, 'must be a decimal with two fraction digits, e.g. "125.00"')
          .refine((amount) => Number(amount) > 0, 'must be more than 0.00'),
        currency: z.literal('EUR'),
      })
      .strict()
      .nullable()
      .default(null),
    /** Form fields the procedure cannot do without (e.g. XBau 0200 needs the parcel), checked at the door. */
    requiredFormFields: z.array(z.string().min(1)).default([]),
    /** Attachment media types the procedure's standard can carry; empty: any. */
    attachmentMediaTypes: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type Route = z.infer<typeof routeFields>;

/** What the table needs of a procedure kind: its name and the standards its connector speaks. */
export type RoutableKind = Pick<ProcedureKind, 'kind' | 'standards'>;

/**
 * The routing table as the procedure kinds of the catalogue allow it: a route to a kind no
 * connector serves, or to a standard its connector does not speak, would be accepted at the door
 * and then sit on a topic nobody reads.
 */
export function routingTableSchemaFor(kinds: readonly RoutableKind[]) {
  const route = routeFields.superRefine((candidate, context) => {
    const kind = kinds.find(({ kind: name }) => name === candidate.procedure);
    if (!kind)
      context.addIssue({
        code: 'custom',
        path: ['procedure'],
        message: `no connector handles procedure "${candidate.procedure}" (known: ${kinds.map(({ kind: name }) => name).join(', ')})`,
      });
    else if (!kind.standards.includes(candidate.standard))
      context.addIssue({
        code: 'custom',
        path: ['standard'],
        message: `the ${kind.kind} connector does not speak ${candidate.standard} (it speaks ${kind.standards.join(', ')})`,
      });
  });
  return z.object({ routes: z.array(route) }).strict();
}

export const routingTableSchema = routingTableSchemaFor(procedureKinds);

export class RoutingTable {
  constructor(private readonly routes: readonly Route[]) {}

  static fromFile(path: string, kinds: readonly RoutableKind[] = procedureKinds): RoutingTable {
    const parsed = routingTableSchemaFor(kinds).safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new HubError(
        'ROUTING_TABLE_INVALID',
        `Routing table ${path} is invalid at ${first?.path.join('.') ?? '(root)'}: ${first?.message ?? ''}`,
        {
          retryable: false,
        },
      );
    }
    return new RoutingTable(parsed.data.routes);
  }

  find(serviceKey: string, municipalityKey: string): Route | undefined {
    return this.routes.find(
      (r) => r.serviceKey === serviceKey && r.municipalityKey === municipalityKey,
    );
  }

  /** The XÖV version that applies to `route` on `day` (the latest switch-over on or before it). */
  static versionOn(route: Route, day: Date): string | undefined {
    const isoDay = day.toISOString().slice(0, 10);
    return Object.entries(route.versions)
      .filter(([from]) => from <= isoDay)
      .sort(([a], [b]) => a.localeCompare(b))
      .at(-1)?.[1];
  }
}
