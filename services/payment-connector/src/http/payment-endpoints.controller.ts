import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  answering,
  onNotification,
  onReturn,
  type PaymentHttpOptions,
} from './payment-http-server.js';

export const PAYMENT_HTTP_OPTIONS = Symbol('payment-connector.http-options');

/**
 * `GET /payments/return/{paymentId}`: the citizen is back from the pay page. Proves nothing; starts
 * a status check and sends the citizen on to the portal.
 * `POST /payments/notifications`: the provider says "something changed". Signature checked (where
 * configured) over the raw body (Nest's body parser is off), then 202 at once; the check runs
 * afterwards. Duplicates coalesce; a notification for a transaction not yet known is accepted and
 * left to the poller.
 */
@Controller('payments')
export class PaymentEndpoints {
  constructor(@Inject(PAYMENT_HTTP_OPTIONS) private readonly options: PaymentHttpOptions) {}

  @Get('return/:paymentId')
  returned(@Param('paymentId') paymentId: string, @Res() response: ServerResponse): Promise<void> {
    return answering(
      this.options,
      '/payments/return',
      response,
      onReturn(this.options, response, paymentId),
    );
  }

  @Post('notifications')
  notified(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    return answering(
      this.options,
      '/payments/notifications',
      response,
      onNotification(this.options, request, response),
    );
  }
}
