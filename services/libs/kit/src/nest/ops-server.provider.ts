import type { Server } from 'node:http';
import {
  Inject,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Registry } from 'prom-client';
import type { KitConfig } from '../config/kit-config.js';
import { startOpsServer } from '../observability/ops-server.js';
import { ReadinessProbes } from './readiness-probes.js';
import { KIT_CONFIG } from './tokens.js';

/**
 * `/health/live`, `/health/ready` and `/metrics` on OPS_PORT, apart from any business HTTP: the
 * orchestrator's probes and Prometheus never meet the portal's or a provider's traffic.
 */
export class OpsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server: Server | undefined;
  /** The port it listens on (OPS_PORT, or the one picked for OPS_PORT=0). */
  port = 0;

  constructor(
    @Inject(KIT_CONFIG) private readonly config: KitConfig,
    @Inject(Registry) private readonly metrics: Registry,
    @Inject(ReadinessProbes) private readonly probes: ReadinessProbes,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { server, port } = await startOpsServer({
      port: this.config.OPS_PORT,
      metrics: this.metrics,
      readiness: this.probes.all(),
    });
    this.server = server;
    this.port = port;
  }

  beforeApplicationShutdown(): void {
    this.server?.close();
    this.server?.closeAllConnections();
  }
}
