import { categories, categoryInfo, type Category } from '@hub/triage';

/**
 * GeoReport v2 `GET services`: one service per defect category. No category asks for extra
 * attributes (`metadata` false), so the definition of each is its code with no attributes.
 */
export interface Open311Service {
  readonly service_code: Category;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: false;
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
}

export function open311Services(): Open311Service[] {
  return categories.map((code) => {
    const info = categoryInfo[code];
    return {
      service_code: code,
      service_name: info.name,
      description: info.description,
      metadata: false,
      type: 'realtime',
      keywords: info.keywords.join(','),
      group: info.office,
    };
  });
}

export function serviceDefinition(code: Category): { service_code: Category; attributes: [] } {
  return { service_code: code, attributes: [] };
}
