import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly workspaces?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

export interface Project {
  /** The folder, relative to the repository root. */
  readonly root: string;
  readonly packageJson: PackageJson;
}

/** One package a file imports, and whether only tests need it. */
export interface ProjectImport {
  readonly file: string;
  readonly packageName: string;
  readonly forTests: boolean;
}

export function readPackageJson(folder: string): PackageJson {
  return JSON.parse(
    readFileSync(join(repositoryRoot, folder, 'package.json'), 'utf8'),
  ) as PackageJson;
}

/** The root's workspace patterns (`dir` or `dir/*`) resolved to the folders that are projects. */
export function workspaceProjects(): Project[] {
  return (readPackageJson('.').workspaces ?? []).flatMap((pattern) => {
    const folders = pattern.endsWith('/*')
      ? readdirSync(join(repositoryRoot, dirname(pattern)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(dirname(pattern), entry.name))
      : [pattern];
    return folders
      .filter((folder) => readdirSync(join(repositoryRoot, folder)).includes('package.json'))
      .map((root) => ({ root, packageJson: readPackageJson(root) }));
  });
}

const sourceFile = /\.(ts|mts|js|mjs)$/;
const builtins = new Set(builtinModules);
// The compiler finds static and dynamic imports; files reached by `import.meta.resolve` are imports too.
const resolved = /\bimport\.meta\.resolve\(\s*['"]([^'"\n]+)['"]/g;

function specifiersOf(text: string): string[] {
  return [
    ...ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName),
    ...[...text.matchAll(resolved)].flatMap(([, spec]) => (spec === undefined ? [] : [spec])),
  ];
}

function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) return undefined;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === undefined || builtins.has(name) ? undefined : name;
}

function isTestFile(path: string): boolean {
  return /\.spec\.ts$/.test(path) || /(^|\/)(test|testdata|testing)\//.test(path);
}

function filesOf(folder: string, skip: ReadonlySet<string>): string[] {
  return readdirSync(join(repositoryRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || skip.has(path) ? [] : filesOf(path, skip);
    return sourceFile.test(entry.name) ? [path] : [];
  });
}

/** Every bare import of every code file of the project (nested projects are their own). */
export function importsOf(project: Project, all: readonly Project[]): ProjectImport[] {
  const nested = new Set(all.map((other) => other.root).filter((root) => root !== project.root));
  return filesOf(project.root, nested).flatMap((file) => {
    const text = readFileSync(join(repositoryRoot, file), 'utf8');
    return specifiersOf(text).flatMap((spec) => {
      const packageName = packageOf(spec);
      return packageName === undefined || packageName === project.packageJson.name
        ? []
        : [{ file, packageName, forTests: isTestFile(relative(project.root, file)) }];
    });
  });
}
