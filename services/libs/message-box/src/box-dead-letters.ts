import { deadLetterHeaders, deadLetterReason, type RecordSender } from '@hub/kit';
import type { ClaimChecks } from './claim-checks.js';

/** Why a fetched message could not be processed; `reason` is redacted before it leaves. */
export interface BoxRejection {
  readonly code: string;
  readonly reason: string;
}

/** Headers a message-box dead letter adds to the kit's dead-letter headers. */
export const boxDeadLetterHeaders = {
  xtaMessageId: 'xta-message-id',
  /** Set when the message was too large for the dead letter: the key of its claim check. */
  claimCheckRef: 'claim-check-ref',
  /** The message's size in UTF-8 bytes, whether it travels in the value or in the claim check. */
  payloadBytes: 'payload-bytes',
  /** The claim checks of the documents attached to the message (xta:Attachment), comma-separated. */
  attachmentClaimChecks: 'attachment-claim-checks',
} as const;

export interface BoxDeadLettersDependencies {
  readonly producer: Pick<RecordSender, 'send'>;
  readonly claimChecks: ClaimChecks;
  readonly group: string;
  readonly topic: string;
  /** Largest value the topic accepts (see deadLetterCapacity). */
  readonly capacity: number;
}

/**
 * Writes a message fetched from an XTA message box that cannot be processed to the dead-letter
 * topic: the raw bytes as value when they fit, otherwise an empty value and the message kept whole
 * in a claim check; its attached documents each in a claim check; a message that could not even
 * be fetched is named by its XTA message id alone.
 */
export class BoxDeadLetters {
  constructor(private readonly deps: BoxDeadLettersDependencies) {}

  async send(
    messageId: string,
    payload: string | undefined,
    rejection: BoxRejection,
    attempts: number,
    attachments: readonly { readonly bytes: Buffer }[] = [],
  ): Promise<void> {
    const bytes = payload === undefined ? Buffer.alloc(0) : Buffer.from(payload, 'utf8');
    const oversize = bytes.length > this.deps.capacity;
    const claimCheckRef = oversize ? await this.deps.claimChecks.keep(messageId, bytes) : undefined;
    // The documents beside the message never fit a header: each is kept whole in a claim check.
    const attachmentRefs: string[] = [];
    for (const attachment of attachments)
      attachmentRefs.push(await this.deps.claimChecks.keep(messageId, attachment.bytes));
    const now = new Date().toISOString();
    await this.deps.producer.send(this.deps.topic, {
      key: messageId,
      value: oversize ? Buffer.alloc(0) : bytes,
      headers: {
        [deadLetterHeaders.group]: this.deps.group,
        [deadLetterHeaders.sourceTopic]: 'xta:message-box',
        [deadLetterHeaders.sourceKey]: messageId,
        [deadLetterHeaders.errorCode]: rejection.code,
        [deadLetterHeaders.errorMessage]: deadLetterReason(rejection.reason),
        [deadLetterHeaders.attempts]: String(attempts),
        [deadLetterHeaders.firstFailureAt]: now,
        [deadLetterHeaders.lastFailureAt]: now,
        [boxDeadLetterHeaders.xtaMessageId]: messageId,
        [boxDeadLetterHeaders.payloadBytes]: String(bytes.length),
        ...(claimCheckRef ? { [boxDeadLetterHeaders.claimCheckRef]: claimCheckRef } : {}),
        ...(attachmentRefs.length > 0
          ? { [boxDeadLetterHeaders.attachmentClaimChecks]: attachmentRefs.join(',') }
          : {}),
      },
    });
  }
}
