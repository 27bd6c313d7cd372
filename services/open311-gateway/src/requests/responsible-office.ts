import { z } from 'zod';
import { categories, categoryInfo, type Category } from '@hub/triage';
import { distanceMetres, type Point } from './distance.js';

/**
 * Where offices split a category by place (a district's own parks office, a park run by a
 * foundation), an area names the office for that category inside it; elsewhere the category's
 * office of `categoryInfo` is responsible. The first area containing the point wins.
 */
export const officeAreasSchema = z.array(
  z.object({
    name: z.string().min(1),
    centre: z.object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }),
    radiusMetres: z.number().positive(),
    offices: z.partialRecord(z.enum(categories), z.string().min(1)),
  }),
);

export type OfficeAreas = z.infer<typeof officeAreasSchema>;

export function responsibleOffice(
  category: Category,
  point: Point | undefined,
  areas: OfficeAreas,
): string {
  const area = point
    ? areas.find(
        (candidate) =>
          candidate.offices[category] !== undefined &&
          distanceMetres(point, candidate.centre) <= candidate.radiusMetres,
      )
    : undefined;
  return area?.offices[category] ?? categoryInfo[category].office;
}
