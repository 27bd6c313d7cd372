import { createHash, randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes } from '@hub/fit-connect';
import { eventually, platform } from '@hub/test-support';
import { citizenStatusLog } from './citizen-status-log.js';
import { hubForThisFile } from './hub-under-test.js';

/*
 * Issue 15, the EfA door end to end, every service its own process: an EfA building-permit
 * submission → FIT-Connect simulator → fit-connect-receiver (accepts it back to FIT-Connect) →
 * case-router → xbau-connector → XTA simulator (authority) → replies → case-router →
 * postbox-connector → the citizen's mailbox in the postbox simulator, each status and the permit
 * notice the authority issued with its 0205; one trace throughout.
 */
interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly localEndpoint?: { readonly serviceName?: string };
  readonly tags?: Record<string, string>;
}

/** What a status_v6 message tells the citizen, as far as this test reads it. */
interface StatusContent {
  readonly reference: string;
  readonly sequence: number;
}

const intakeSpanName = 'receive fit-connect submission';
const statusSchema = 'urn:schema-fitko-de:fit-connect:id.bund.de:status_v6';
const messageSchema = 'urn:schema-fitko-de:fit-connect:id.bund.de:message_v6';

describe('an EfA building-permit submission through FIT-Connect to the authority and the postbox', () => {
  const hub = hubForThisFile({ efa: true });
  let statuses: Awaited<ReturnType<typeof citizenStatusLog>>;
  beforeAll(async () => {
    statuses = await citizenStatusLog();
  });
  afterAll(() => statuses.stop());

  it('is accepted, delivered once, completed, and each status and the permit notice reach the mailbox once, in one trace', async () => {
    const efa = hub().efa;
    if (!efa) throw new TypeError('the hub was started without its EfA door');
    const mailbox = `postbox-e2e-${randomUUID()}`;
    // Köln: no fee in the routing table, XBau 2.5; the LeiKa key of the building permit.
    const { submissionId } = await efa.send('05315000', mailbox);

    // The receiver accepted it back to FIT-Connect, with its signed accept-submission event.
    const submission = await eventually(
      () => {
        const stored = efa.fitConnect.admin.submission(submissionId);
        return stored?.state === 'accepted' ? stored : undefined;
      },
      { timeoutMs: 30_000, what: 'the submission to be accepted at FIT-Connect' },
    );
    expect(submission.events.map((token) => Object.keys(decodeJwt(token).events ?? {}))).toEqual([
      [eventTypes.acceptSubmission],
    ]);

    // The application id is the receiver's own (derived from the submission id); the mailbox is
    // this test's alone, so the reference of the first status message in it names the application.
    const applicationId = await eventually(
      () =>
        (efa.postbox.store.received(mailbox)[0]?.content as StatusContent | undefined)?.reference,
      { timeoutMs: 30_000, what: "the first status message in the citizen's mailbox" },
    );
    // The case router completes the case; its status changes are what the citizen must get.
    const produced = await eventually(
      () => {
        const known = statuses.of(applicationId);
        return known.at(-1)?.state === 'COMPLETED' ? known : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the case to reach COMPLETED' },
    );
    const sequences = produced.map((change) => change.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);

    // The authority got exactly one XBau 0200 for it, every SOAP document XSD-valid.
    expect(hub().xta.deliveriesByApplication.get(applicationId)).toBe(1);
    expect(hub().xtaEnvelopes().invalid).toEqual([]);

    // Every status change in the mailbox exactly once, none missing, none twice; and the permit
    // notice the authority issued, once, the very bytes it sent (the postbox checked their hash).
    const received = await eventually(
      () => {
        const got = efa.postbox.store.received(mailbox);
        const statusCount = got.filter((message) => message.schema === statusSchema).length;
        return statusCount >= sequences.length && got.length > statusCount ? got : undefined;
      },
      {
        timeoutMs: 20_000,
        what: `${sequences.length} status messages and the permit notice in the citizen's mailbox`,
      },
    );
    const messages = received.filter((message) => message.schema === statusSchema);
    const notices = received.filter((message) => message.schema === messageSchema);
    const [issued, ...moreIssued] = hub().xta.documentsByApplication.get(applicationId) ?? [];
    expect(moreIssued).toEqual([]);
    const issuedHash = createHash('sha512')
      .update(issued?.bytes ?? '')
      .digest('hex');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.attachments).toEqual([
      {
        filename: 'baugenehmigung.pdf',
        mimeType: 'application/pdf',
        size: issued?.bytes.length,
        sha512sum: issuedHash,
      },
    ]);
    expect(notices[0]?.content).toMatchObject({ reference: applicationId });
    const delivered = messages.map((message) => (message.content as StatusContent).sequence);
    expect([...delivered].sort((a, b) => a - b)).toEqual([...sequences].sort((a, b) => a - b));
    expect(
      messages.every((message) => (message.content as StatusContent).reference === applicationId),
    ).toBe(true);

    // Nothing on the way was given up: no service dead-lettered a record of this run (the portal
    // gateway passes over the status changes of applications that did not come through its door).
    expect(
      hub()
        .logs()
        .filter((entry) => entry.msg === 'event dead-lettered')
        .map((entry) => entry.group),
    ).toEqual([]);

    // One trace: the receiver's intake span is its root; the postbox messages and XBau spans in it.
    const traceIds = new Set(received.map((message) => message.traceparent?.split('-')[1]));
    expect(traceIds.size).toBe(1);
    const [traceId] = [...traceIds];
    const { services } = hub();
    const spans = await eventually(
      async () => {
        const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${String(traceId)}`);
        if (!trace.ok) return undefined;
        const found = (await trace.json()) as ZipkinSpan[];
        const ids = new Set(found.map((span) => span.id));
        const ready =
          found.some((span) => span.name === intakeSpanName) &&
          found.some((span) => span.name === 'soap sendmessage') &&
          found.filter((span) => span.localEndpoint?.serviceName === services['postbox-connector'])
            .length >= received.length &&
          found.every((span) => span.parentId === undefined || ids.has(span.parentId));
        return ready ? found : undefined;
      },
      { timeoutMs: 30_000, what: `the spans of application ${applicationId} in trace ${traceId}` },
    );
    const roots = spans.filter((span) => span.parentId === undefined);
    expect(roots.map((span) => [span.name, span.localEndpoint?.serviceName])).toEqual([
      [intakeSpanName, services['fit-connect-receiver']],
    ]);
    expect(roots[0]?.tags?.['hub.application_id']).toBe(applicationId);
    expect(roots[0]?.tags?.['hub.fit_connect.outcome']).toBe('accepted');
    expect([...new Set(spans.map((span) => span.localEndpoint?.serviceName))]).toEqual(
      expect.arrayContaining([
        services['fit-connect-receiver'],
        services['case-router'],
        services['xbau-connector'],
        services['postbox-connector'],
      ]),
    );
  }, 150_000);
});
