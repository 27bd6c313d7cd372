import { describe, expect, it } from 'vitest';
import { examples, type LabReportReceived } from '@hub/contracts';
import type { Route } from '@hub/routing';
import { onDelivered, onSubmitted } from './case-decisions.js';
import { onLabReport } from './lab-report-decisions.js';
import { applied, application, delivery, route, settings } from '../test/case-fixtures.js';

const waterRoute: Route = {
  ...route,
  serviceKey: '99108016000000',
  procedure: 'xwasser',
  standard: 'XWASSER',
  messageType: 'vorgang.transportieren.2010',
  reader: { dvdvId: 'gsa:05913000', name: 'Gesundheitsamt der Stadt Dortmund' },
  versions: { '2024-01-01': '1.0.0' },
  fee: null,
};
const example = examples['health/lab-report-received'];
const { sample, measured } = (() => {
  const [first] = example.samples;
  const [measurement] = first?.measurements ?? [];
  if (!first || !measurement) throw new TypeError('the example report has a measured sample');
  return { sample: first, measured: measurement };
})();

/** A report for the application whose measurements exceed their limits as `exceeded` says. */
function report(exceeded: Record<string, boolean>): LabReportReceived {
  const measurements = Object.entries(exceeded).map(([parameterName, limitExceeded], index) => ({
    ...measured,
    measurementId: `00000000-0000-4000-8000-00000000000${index}`,
    parameterName,
    limitExceeded,
  }));
  return {
    ...example,
    applicationId: application.applicationId,
    samples: [{ ...sample, measurements }],
    limitsExceeded: measurements.filter((m) => m.limitExceeded).length,
  };
}

const ordered = applied(onSubmitted(application, waterRoute, settings));

describe('a drinking-water case and its lab report', () => {
  it('given an order, when the report finds every value within its limit, then the citizen reads so and the case is complete', () => {
    const decision = onLabReport(ordered, report({ Blei: false, Nitrat: false }));
    expect(decision.next.state).toBe('COMPLETED');
    expect(decision.next.deadline).toBeNull();
    expect(decision.citizen).toMatchObject([
      {
        state: 'COMPLETED',
        statusText: 'Ihre Wasserprobe entspricht den Anforderungen der Trinkwasserverordnung.',
        actionRequired: false,
      },
    ]);
  });

  it('names the parameter above its limit and says the health office will be in touch', () => {
    const delivered = applied(onDelivered(ordered, delivery));
    const decision = onLabReport(delivered, report({ Nitrat: false, Blei: true }));
    expect(decision.next.state).toBe('COMPLETED');
    expect(decision.citizen.map((step) => step.statusText)).toEqual([
      'Grenzwert für Blei überschritten; das Gesundheitsamt meldet sich bei Ihnen.',
    ]);
    expect(decision.next.deliveredAt).toEqual(delivery.deliveredAt);
  });

  it('takes the report as proof of the order when the lab’s confirmation is still on its way', () => {
    const result = report({ Blei: false });
    const completed = applied(onLabReport(ordered, result));
    expect(completed.deliveredAt).toEqual(result.receivedAt);
    // The late confirmation then changes nothing.
    expect(onDelivered(completed, delivery).next).toBe(completed);
  });

  it('changes nothing once the case is final (a corrected report reaches the health office only)', () => {
    const completed = applied(onLabReport(ordered, report({ Blei: true })));
    const again = onLabReport(completed, report({ Blei: false }));
    expect(again.next).toBe(completed);
    expect(again.citizen).toEqual([]);
  });

  it('ignores a lab report about a case of another procedure', () => {
    const building = applied(onSubmitted(application, { ...route, fee: null }, settings));
    const decision = onLabReport(building, report({ Blei: true }));
    expect(decision.next).toBe(building);
    expect(decision.citizen).toEqual([]);
  });
});
