import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildingPermitApplication, MappingContext } from './building-permit-application.js';
import { xbauReleases } from './xbau-releases.js';

const testdata = fileURLToPath(new URL('../../testdata/', import.meta.url));
export const fixturesDirectory = `${testdata}fixtures/`;
export const goldenDirectory = `${testdata}golden/`;

interface Fixture {
  readonly application: BuildingPermitApplication;
  readonly context: Omit<MappingContext, 'xbauVersion' | 'createdAt'> & {
    readonly createdAt: string;
  };
}

/** One golden file: a fixture rendered for one XBau release. */
export interface GoldenCase {
  readonly name: string;
  readonly goldenFile: string;
  readonly application: BuildingPermitApplication;
  readonly context: MappingContext;
}

/** Every fixture in testdata/fixtures/, once per XBau release. */
export function goldenCases(): GoldenCase[] {
  return readdirSync(fixturesDirectory)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const fixture = JSON.parse(readFileSync(fixturesDirectory + file, 'utf8')) as Fixture;
      const base = file.replace(/\.json$/, '');
      return Object.keys(xbauReleases).map((version) => ({
        name: `${base} (XBau ${version})`,
        goldenFile: `${goldenDirectory}${base}.xbau-${version}.xml`,
        application: fixture.application,
        context: {
          ...fixture.context,
          createdAt: new Date(fixture.context.createdAt),
          xbauVersion: version as MappingContext['xbauVersion'],
        },
      }));
    });
}
