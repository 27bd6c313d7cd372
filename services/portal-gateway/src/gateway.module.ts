import { Controller, Get, Header, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { ApplicationRegistry } from './applications/application-registry.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { SubmitApplication } from './applications/submit-application.js';
import { TimelineNotifications } from './applications/timeline-notifications.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { openApiDocument } from './openapi.js';

@Controller()
class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }
}

/** Reports liveness and readiness; readiness asks each dependency (Kafka, registry, database). */
export type ReadinessProbe = () => Promise<Record<string, boolean>>;
const readinessToken = Symbol('readiness');

@Controller('health')
class HealthController {
  constructor(@Inject(readinessToken) private readonly readiness: ReadinessProbe) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(): Promise<{ status: string; checks: Record<string, boolean> }> {
    const checks = await this.readiness();
    return { status: Object.values(checks).every(Boolean) ? 'up' : 'down', checks };
  }
}

const metricsToken = Symbol('metrics');

/** Prometheus text of the gateway's registry (its delivery engine's metrics and Node's own). */
@Controller('metrics')
class MetricsController {
  constructor(@Inject(metricsToken) private readonly registry: Registry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

export interface GatewayParts {
  readonly tokens: TokenVerifier;
  readonly submitApplication: SubmitApplication;
  readonly applications: ApplicationRegistry;
  readonly notifications: TimelineNotifications;
  readonly readiness: ReadinessProbe;
  readonly metrics: Registry;
}

@Module({})
export class GatewayModule {
  static with(parts: GatewayParts): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [ApplicationsController, OpenApiController, HealthController, MetricsController],
      providers: [
        { provide: TokenVerifier, useValue: parts.tokens },
        { provide: SubmitApplication, useValue: parts.submitApplication },
        { provide: ApplicationRegistry, useValue: parts.applications },
        { provide: TimelineNotifications, useValue: parts.notifications },
        { provide: readinessToken, useValue: parts.readiness },
        { provide: metricsToken, useValue: parts.metrics },
      ],
    };
  }
}
