import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';

/**
 * GeoReport v2 service discovery (`discovery.json`): where the endpoint is and what it speaks, so
 * Open311 client apps can configure themselves from the city's base URL.
 */
@Controller('open311')
export class DiscoveryController {
  @Get('discovery.json')
  discovery(@Req() request: Request) {
    return {
      changeset: '2026-12-01T00:00:00Z',
      contact: 'Bürgerservice der Stadt',
      key_service: 'API keys on request from the city’s open data team',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${request.protocol}://${request.get('host') ?? 'localhost'}/open311/v2`,
          changeset: '2026-12-01T00:00:00Z',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
  }
}
