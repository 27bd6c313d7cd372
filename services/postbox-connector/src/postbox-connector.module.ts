import { Module } from '@nestjs/common';
import pg from 'pg';
import { endpointAnswers, IdempotencyLedger, KIT_CONFIG, migrate, ReadinessProbes } from '@hub/kit';
import { ApplicationSubmittedHandler } from './application-submitted.handler.js';
import { AUTHOR, authorOf } from './author.js';
import type { Author } from './envelope/signed-envelope.js';
import { CitizenStatusChangedHandler } from './citizen-status-changed.handler.js';
import type { PostboxConnectorConfig } from './config.js';
import { DocumentIssuedHandler } from './document-issued.handler.js';
import { MailboxDirectory } from './mailbox-directory.js';
import { postboxConnectorMigrations } from './migrations.js';
import { PostboxClient } from './postbox/postbox-client.js';
import { PostboxDelivery } from './postbox/postbox-delivery.js';

/**
 * The postbox connector: learns mailboxes, sends status changes and documents (ready while the
 * postbox answers).
 */
@Module({
  controllers: [ApplicationSubmittedHandler, CitizenStatusChangedHandler, DocumentIssuedHandler],
  providers: [
    {
      provide: PostboxClient,
      useFactory: (config: PostboxConnectorConfig, probes: ReadinessProbes) => {
        probes.register('postbox', endpointAnswers(config.POSTBOX_URL));
        return new PostboxClient(config.POSTBOX_URL, config.POSTBOX_TIMEOUT_MS);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    { provide: AUTHOR, useFactory: authorOf, inject: [KIT_CONFIG] },
    {
      provide: MailboxDirectory,
      useFactory: async (pool: pg.Pool) => {
        await migrate(pool, [postboxConnectorMigrations]);
        return new MailboxDirectory(pool);
      },
      inject: [pg.Pool],
    },
    {
      provide: PostboxDelivery,
      useFactory: (
        ledger: IdempotencyLedger,
        mailboxes: MailboxDirectory,
        postbox: PostboxClient,
        author: Author,
      ) => new PostboxDelivery(ledger, mailboxes, postbox, author),
      inject: [IdempotencyLedger, MailboxDirectory, PostboxClient, AUTHOR],
    },
  ],
})
export class PostboxConnectorModule {}
