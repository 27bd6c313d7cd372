import { z } from 'zod';

/** Which way a message type travels, seen from the city's hub. */
export const messageDirection = z.enum(['inbound', 'outbound', 'both']);

/** One official schema set of a standard: a namespace + version pair with its XSD entry point. */
const schemaSetEntry = z.strictObject({
  name: z.string().min(1),
  namespace: z.string().min(1),
  /** The root element's `version` attribute that selects this set. */
  version: z.string().min(1),
  /** Root element local names this set answers for (a regular expression); any when absent. */
  rootPattern: z.string().min(1).optional(),
  /** Relative to the entry's folder. */
  entryXsd: z.string().min(1),
  /** OASIS XML catalog mapping remote schema addresses to local copies, relative to the folder. */
  catalog: z.string().min(1).optional(),
  schematron: z.array(z.string().min(1)).default([]),
});

/**
 * `contracts/xoev/<standard>/<version>/standard.json`: everything the hub needs to know of one
 * release of an XÖV standard. Adding a standard or a version is a folder with this file, no code
 * (the way the KoSIT validator's scenarios work).
 */
export const standardEntry = z.strictObject({
  standard: z.string().min(1),
  version: z.string().min(1),
  description: z.string().min(1),
  schemaSets: z.array(schemaSetEntry).min(1),
  /** Folder of pinned genericode lists (sender-chosen versions), relative to the entry's folder. */
  codeLists: z.string().min(1).optional(),
  /** The message types the hub handles, with their direction. */
  messages: z
    .array(z.strictObject({ type: z.string().min(1), direction: messageDirection }))
    .default([]),
});

export type StandardEntry = z.infer<typeof standardEntry>;
export type MessageDirection = z.infer<typeof messageDirection>;
