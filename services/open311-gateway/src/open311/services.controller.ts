import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { isCategory } from '@hub/triage';
import { reply, splitFormat } from './formats.js';
import { Open311Error } from './open311-error.js';
import { open311Services, serviceDefinition } from './services.js';

const list = { root: 'services', item: 'service' };

/** GeoReport v2 `GET services` and `GET services/{service_code}`. */
@Controller('open311/v2')
export class ServicesController {
  @Get('services.json')
  json(@Res() response: Response): void {
    reply(response, 'json', list, open311Services());
  }

  @Get('services.xml')
  xml(@Res() response: Response): void {
    reply(response, 'xml', list, open311Services());
  }

  @Get('services/:file')
  definition(@Param('file') file: string, @Res() response: Response): void {
    const { name, format } = splitFormat(file);
    if (!isCategory(name)) throw new Open311Error(404, [`service_code: no service ${name}`]);
    const definition = serviceDefinition(name);
    if (format === 'json') response.json(definition);
    else
      reply(response, 'xml', { root: 'service_definitions', item: 'service_definition' }, [
        definition,
      ]);
  }
}
