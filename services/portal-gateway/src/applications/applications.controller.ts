import {
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { TokenVerifier, type Caller } from '../auth/token-verifier.js';
import { problem, ProblemResponse } from '../http/problem.js';
import { clientGone } from '../http/admission-control.js';
import { send } from '../http/problem.filter.js';
import { ApplicationRegistry, type ApplicationView } from './application-registry.js';
import { TimelineNotifications } from './timeline-notifications.js';
import { SubmitApplication } from './submit-application.js';

type RawBodyRequest = Request & { rawBody?: Buffer };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    @Inject(TokenVerifier) private readonly tokens: TokenVerifier,
    @Inject(SubmitApplication) private readonly submitApplication: SubmitApplication,
    @Inject(ApplicationRegistry) private readonly applications: ApplicationRegistry,
    @Inject(TimelineNotifications) private readonly notifications: TimelineNotifications,
  ) {}

  @Post()
  async submit(@Req() request: RawBodyRequest, @Res() response: Response): Promise<void> {
    const abandoned = clientGone(request);
    // Queued in the kernel longer than its client waited: nobody is left to answer.
    if (abandoned()) {
      request.socket.destroy();
      return;
    }
    const caller = await this.authenticate(request, 'applications:submit');
    const outcome = await this.submitApplication.handle({
      caller,
      contentType: request.headers['content-type'],
      rawBody: request.rawBody,
      body: request.body as unknown,
      idempotencyKey: request.header('idempotency-key'),
      traceparent: request.header('traceparent'),
      abandoned,
    });
    if (outcome instanceof ProblemResponse) {
      send(response, outcome);
      return;
    }
    response.status(outcome.status).json(outcome.body);
  }

  @Get(':id')
  async status(
    @Req() request: Request,
    @Param('id') applicationId: string,
  ): Promise<ApplicationView> {
    const caller = await this.authenticate(request, 'applications:read');
    await this.assertOwner(caller, applicationId);
    const view = await this.applications.view(applicationId);
    if (!view) throw notFound(applicationId);
    return view;
  }

  /** Server-Sent Events: the current view at once, then again whenever the timeline changes. */
  @Sse(':id/events')
  async events(
    @Req() request: Request,
    @Param('id') applicationId: string,
  ): Promise<Observable<MessageEvent>> {
    const caller = await this.authenticate(request, 'applications:read');
    await this.assertOwner(caller, applicationId);
    return new Observable<MessageEvent>((subscriber) => {
      const emit = async () => {
        const view = await this.applications.view(applicationId);
        if (view) subscriber.next({ type: 'status', data: view });
      };
      const fail = (error: unknown) => {
        subscriber.error(error);
      };
      const unsubscribe = this.notifications.subscribe(applicationId, () => {
        emit().catch(fail);
      });
      emit().catch(fail);
      return unsubscribe;
    });
  }

  private async authenticate(request: Request, scope: string): Promise<Caller> {
    const verification = await this.tokens.verify(request.header('authorization'), scope);
    if (!verification.ok) throw verification.failure;
    return verification.caller;
  }

  /** Another citizen's application answers exactly like one that does not exist. */
  private async assertOwner(caller: Caller, applicationId: string): Promise<void> {
    if (!uuidPattern.test(applicationId)) {
      throw problem(400, 'Invalid Application Id', 'The application id must be a UUID.', [
        { path: '/id', reason: 'must be a UUID' },
      ]);
    }
    const owner = await this.applications.ownerOf(applicationId);
    if (
      owner === undefined ||
      caller.citizenAccount === undefined ||
      owner !== caller.citizenAccount
    )
      throw notFound(applicationId);
  }
}

function notFound(applicationId: string): ProblemResponse {
  return problem(
    404,
    'Not Found',
    `There is no application ${applicationId} for this citizen account.`,
  );
}
