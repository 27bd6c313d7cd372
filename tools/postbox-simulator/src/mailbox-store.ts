import type { ZbpAttachmentDescription, ZbpEnvelope } from '@hub/zbp';

/** One message as the citizen's mailbox holds it: the envelope with its content parsed. */
export interface StoredMessage {
  readonly messageId: string;
  readonly schema: ZbpEnvelope['schema'];
  readonly storkQaaLevel: ZbpEnvelope['storkQaaLevel'];
  readonly sender: string;
  readonly service: string;
  readonly title: string;
  readonly content: unknown;
  readonly sha512sum: string;
  /** The documents of a message_v6, each checked against its bytes (which are not kept). */
  readonly attachments: readonly ZbpAttachmentDescription[];
  readonly createdAt: string;
  readonly receivedAt: string;
  /** The W3C trace context the message arrived with: which trace delivered it. */
  readonly traceparent: string | null;
}

export type StoreOutcome = 'stored' | 'duplicate' | 'conflict' | 'full';

/**
 * The mailboxes, in memory. The message id is the dedup key across all mailboxes, as in the ZBP:
 * the same id with the same mailbox and checksum again is the same message (a sender's retry),
 * with anything else a conflict.
 */
export class MailboxStore {
  private readonly byId = new Map<string, { mailbox: string; message: StoredMessage }>();
  private readonly mailboxes = new Map<string, StoredMessage[]>();

  constructor(private readonly maxMessages: number) {}

  put(mailbox: string, message: StoredMessage): StoreOutcome {
    const known = this.byId.get(message.messageId);
    if (known)
      return known.mailbox === mailbox && known.message.sha512sum === message.sha512sum
        ? 'duplicate'
        : 'conflict';
    if (this.byId.size >= this.maxMessages) return 'full';
    this.byId.set(message.messageId, { mailbox, message });
    const messages = this.mailboxes.get(mailbox) ?? [];
    messages.push(message);
    this.mailboxes.set(mailbox, messages);
    return 'stored';
  }

  /** What a mailbox received, in order of arrival. */
  received(mailbox: string): readonly StoredMessage[] {
    return this.mailboxes.get(mailbox) ?? [];
  }

  clear(): void {
    this.byId.clear();
    this.mailboxes.clear();
  }
}
