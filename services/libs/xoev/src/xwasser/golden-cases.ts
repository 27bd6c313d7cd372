import { fileURLToPath } from 'node:url';
import { sampleContext, sampleIssuer, sampleLabReport } from './sample-lab-report.js';
import { toTransportieren2010 } from './to-transportieren-2010.js';
import {
  toQuittung0020,
  toRueckweisung0010,
  toStatusanfrage2030,
  toStatusantwort2040,
  xwasserStatus,
} from './xwasser-answers.js';
import type { XwasserContext } from './xwasser-context.js';
import type { XwasserMessageName } from './xwasser-release.js';

/** The health office answering the lab: author and reader swapped, referring to the report. */
const answer: XwasserContext = {
  ...sampleContext,
  nachrichtenUUID: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
  author: sampleContext.reader,
  reader: sampleContext.author,
  referenzUUID: sampleContext.nachrichtenUUID,
  product: { name: 'Integrationsplattform', vendor: 'Stadt Köln', version: '1.0.0' },
};
const caseId = sampleLabReport.caseId;

/** One golden per message type the hub builds: its file and the bytes the builder makes now. */
export const goldenCases: readonly {
  name: XwasserMessageName;
  file: string;
  build: () => string;
}[] = [
  {
    name: 'vorgang.transportieren.2010',
    file: 'transportieren.2010.xml',
    build: () => toTransportieren2010(sampleLabReport, sampleIssuer, sampleContext),
  },
  {
    name: 'administration.quittung.0020',
    file: 'quittung.0020.xml',
    build: () => toQuittung0020(caseId, answer),
  },
  {
    name: 'administration.rueckweisung.0010',
    file: 'rueckweisung.0010.xml',
    build: () =>
      toRueckweisung0010(
        {
          reason: 'xml',
          details: ["Element 'xwas:titel': This element is not expected."],
          checkedBy: 'Gesundheitsamt Köln',
          rejectedMessageId: 'urn:de:xta:messageid:simulator:0001',
          rejectedMessage: '<kaputt/>',
        },
        answer,
      ),
  },
  {
    name: 'vorgang.statusanfrage.2030',
    file: 'statusanfrage.2030.hub.xml',
    build: () => toStatusanfrage2030(caseId, { ...sampleContext, referenzUUID: undefined }),
  },
  {
    name: 'vorgang.statusantwort.2040',
    file: 'statusantwort.2040.xml',
    build: () => toStatusantwort2040(caseId, xwasserStatus.reportReceived, answer),
  },
];

export function goldenPath(file: string): string {
  return fileURLToPath(new URL(`../../testdata/xwasser/golden/${file}`, import.meta.url));
}
