import type { Route } from '@hub/routing';
import { xbau0200MisfitTexts, type XbauTextTypes, type XbauTextVersion } from '@hub/xoev';
import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';
import { textReasons } from './text-reasons.js';

const xbauVersions: readonly string[] = ['2.5', '2.6'] satisfies XbauTextVersion[];

/**
 * The texts the route's procedure (XBau, the only one so far) could not carry, in any XBau release the route lists (an
 * application may be delivered after a switch-over), as field errors with the JSON pointer.
 */
export function textMisfits(
  application: SubmitApplicationRequest,
  route: Route,
  types: XbauTextTypes,
): FieldError[] {
  const versions = Object.values(route.versions).filter((version): version is XbauTextVersion =>
    xbauVersions.includes(version),
  );
  return xbau0200MisfitTexts(application, versions, types).map(({ pointer, violation }) => ({
    path: pointer,
    ...textReasons(violation),
  }));
}
