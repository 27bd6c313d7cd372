import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { memoizeModuleResolution } from './memoized-module-resolution.js';

type ResolveFilename = (request: string, parent: unknown, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: ResolveFilename };

// What the memo saves is work of the resolver beneath it (tsx's, in a service), so the test puts a
// counting resolver beneath it and checks how often that one still runs.
const resolvedBeneath: string[] = [];
const nodeResolve = internals._resolveFilename;
internals._resolveFilename = function countingResolve(this: unknown, ...args) {
  resolvedBeneath.push(args[0]);
  return nodeResolve.apply(this, args);
};
memoizeModuleResolution();

describe('memoizeModuleResolution', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-resolve-'));
  const parent = new Module(join(dir, 'parent.js'));
  parent.filename = join(dir, 'parent.js');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    resolvedBeneath.length = 0;
  });

  it('resolves a request from the same file once, as Node does for its own require', () => {
    writeFileSync(join(dir, 'encoder.js'), 'module.exports = 1;');
    const answers = [1, 2, 3].map(() => internals._resolveFilename('./encoder.js', parent));
    expect(answers).toEqual([1, 2, 3].map(() => join(dir, 'encoder.js')));
    expect(resolvedBeneath).toEqual(['./encoder.js']);
  });

  it('does not remember a failure: a module that appears later resolves', () => {
    expect(() => internals._resolveFilename('./later.js', parent)).toThrow(/Cannot find module/);
    writeFileSync(join(dir, 'later.js'), 'module.exports = 2;');
    expect(internals._resolveFilename('./later.js', parent)).toBe(join(dir, 'later.js'));
    expect(resolvedBeneath).toEqual(['./later.js', './later.js']);
  });

  it('passes calls with options or for the main module through every time', () => {
    writeFileSync(join(dir, 'optioned.js'), '');
    internals._resolveFilename('./optioned.js', parent, false, { paths: [dir] });
    internals._resolveFilename('./optioned.js', parent, false, { paths: [dir] });
    internals._resolveFilename(join(dir, 'optioned.js'), undefined, true);
    expect(resolvedBeneath).toHaveLength(3);
  });
});
