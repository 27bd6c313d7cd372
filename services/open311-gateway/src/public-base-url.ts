import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpAdapterHost } from '@nestjs/core';
import type { Open311Config } from './config.js';

/**
 * How offices reach this gateway: PUBLIC_BASE_URL, else where the Open311 API listens. Asked when
 * a report is delivered, after listen, so HTTP_PORT=0 (tests) gives the port actually taken.
 */
export function publicBaseUrl(config: Open311Config, http: HttpAdapterHost): string {
  if (config.PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL;
  const server = http.httpAdapter.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  return `http://${config.HTTP_HOST}:${String(port)}`;
}
