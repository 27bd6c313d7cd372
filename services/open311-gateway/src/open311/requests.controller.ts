import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequestStore } from '../requests/request-store.js';
import { parseReportInput } from '../requests/report-input.js';
import { SubmitReport } from '../requests/submit-report.js';
import { serviceNotice, toOpen311Request } from '../requests/to-open311-request.js';
import { reply, splitFormat, type Format } from './formats.js';
import type { KeySet } from './key-set.js';
import { Open311Error } from './open311-error.js';
import { parseRequestQuery } from './request-query.js';

export const apiKeysToken = Symbol('open311-api-keys');
const requestList = { root: 'service_requests', item: 'request' };

/** GeoReport v2 `POST requests`, `GET requests` and `GET requests/{service_request_id}`. */
@Controller('open311/v2')
export class RequestsController {
  constructor(
    @Inject(SubmitReport) private readonly submitReport: SubmitReport,
    @Inject(RequestStore) private readonly store: RequestStore,
    @Inject(apiKeysToken) private readonly apiKeys: KeySet,
  ) {}

  @Post('requests.json')
  submitJson(@Body() body: unknown, @Res() response: Response): Promise<void> {
    return this.submit(body, 'json', response);
  }

  @Post('requests.xml')
  submitXml(@Body() body: unknown, @Res() response: Response): Promise<void> {
    return this.submit(body, 'xml', response);
  }

  @Get('requests.json')
  listJson(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.list(query, 'json', response);
  }

  @Get('requests.xml')
  listXml(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.list(query, 'xml', response);
  }

  @Get('requests/:file')
  async one(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const { name, format } = splitFormat(file);
    const request = await this.store.get(name);
    if (!request) throw new Open311Error(404, [`service_request_id: no request ${name}`]);
    reply(response, format, requestList, [toOpen311Request(request)]);
  }

  private async submit(body: unknown, format: Format, response: Response): Promise<void> {
    const params = (body ?? {}) as Record<string, unknown>;
    if (!this.apiKeys.has(params.api_key))
      throw new Open311Error(403, ['api_key: missing or not valid']);
    const request = await this.submitReport.submit(parseReportInput(params));
    reply(
      response,
      format,
      requestList,
      [
        {
          service_request_id: request.id,
          service_notice: serviceNotice(request),
          account_id: null,
        },
      ],
      201,
    );
  }

  private async list(query: Record<string, unknown>, format: Format, response: Response) {
    const requests = await this.store.list(parseRequestQuery(query, new Date()));
    reply(response, format, requestList, requests.map(toOpen311Request));
  }
}
