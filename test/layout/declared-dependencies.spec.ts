import { describe, expect, it } from 'vitest';
import { importsOf, readPackageJson, workspaceProjects } from './project-imports.js';

const projects = workspaceProjects();
const rootDevTooling = Object.keys(readPackageJson('.').devDependencies ?? {});

describe('each project declares what it imports', () => {
  it('finds the projects', () => {
    expect(projects.map((project) => project.packageJson.name)).toContain('@hub/kit');
  });

  it.each(projects.map((project) => [project.packageJson.name, project] as const))(
    '%s: code imports only its dependencies, tests also its and the root devDependencies',
    (_name, project) => {
      const runtime = new Set(Object.keys(project.packageJson.dependencies ?? {}));
      const forTests = new Set([
        ...runtime,
        ...Object.keys(project.packageJson.devDependencies ?? {}),
        ...rootDevTooling,
      ]);
      const undeclared = importsOf(project, projects)
        .filter((use) => !(use.forTests ? forTests : runtime).has(use.packageName))
        .map((use) => `${use.file} imports ${use.packageName}`);

      expect([...new Set(undeclared)]).toEqual([]);
    },
  );

  it('keeps no runtime dependencies in the root: they belong to the projects that import them', () => {
    expect(readPackageJson('.').dependencies ?? {}).toEqual({});
  });
});
