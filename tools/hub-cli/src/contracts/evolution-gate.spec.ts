import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkEvolution } from './evolution-gate.js';
import { baselineRef } from './git-history.js';

const schemaV1 = {
  type: 'record',
  name: 'Submitted',
  namespace: 'de.hub.test',
  fields: [
    { name: 'applicationId', type: 'string', doc: 'Id.' },
    {
      name: 'fee',
      type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 },
      doc: 'Fee.',
    },
  ],
};

/** A throw-away git repository whose main branch has committed `schemaV1` (and what follows). */
function repositoryWithMain() {
  const repository = mkdtempSync(join(tmpdir(), 'contracts-gate-'));
  onTestFinished(() => {
    rmSync(repository, { recursive: true, force: true });
  });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Gate Test', '-c', 'user.email=gate@example.org', ...args],
      {
        cwd: repository,
        encoding: 'utf8',
      },
    );
  mkdirSync(join(repository, 'schemas/portal'), { recursive: true });
  const write = (schema: object) => {
    writeFileSync(
      join(repository, 'schemas/portal/submitted.avsc'),
      JSON.stringify(schema, null, 2),
    );
  };
  const commit = (message: string) => {
    git('add', '.');
    git('commit', '-q', '-m', message);
  };
  git('init', '-q', '-b', 'main');
  write(schemaV1);
  commit('v1');
  const check = () => checkEvolution({ repository, baseRef: 'main', schemaDirectory: 'schemas' });
  return { repository, write, commit, check };
}

describe('the evolution gate against main in a git repository', () => {
  it('accepts an unchanged schema and a compatible edit', () => {
    const repo = repositoryWithMain();
    expect(repo.check()).toEqual([]);
    repo.write({
      ...schemaV1,
      fields: [
        ...schemaV1.fields,
        { name: 'channel', type: ['null', 'string'], default: null, doc: 'Channel.' },
      ],
    });
    expect(repo.check()).toEqual([]);
  });

  it('rejects a field added without default, explaining why in one line', () => {
    const repo = repositoryWithMain();
    repo.write({
      ...schemaV1,
      fields: [...schemaV1.fields, { name: 'channel', type: 'string', doc: 'Channel.' }],
    });
    const violations = repo.check();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(
      /^portal\/submitted: channel: field added without default \(against main@[0-9a-f]{8}\)$/,
    );
  });

  it('rejects a type change and a removed field', () => {
    const repo = repositoryWithMain();
    repo.write({ ...schemaV1, fields: [{ name: 'applicationId', type: 'long', doc: 'Id.' }] });
    expect(repo.check()).toEqual([
      expect.stringContaining('applicationId: type changed from string to long'),
      expect.stringContaining('fee: field removed without default'),
    ]);
  });

  it('is transitive: a change compatible with main but not with an older version fails', () => {
    const repo = repositoryWithMain();
    const note = (type: string, value: unknown) => ({
      name: 'note',
      type,
      default: value,
      doc: 'Note.',
    });
    repo.write({ ...schemaV1, fields: [...schemaV1.fields, note('string', '')] });
    repo.commit('v2: a note');
    repo.write(schemaV1);
    repo.commit('v3: the note goes (it had a default)');
    // Against v3 alone this is a field added with a default; v2 wrote notes as strings.
    repo.write({ ...schemaV1, fields: [...schemaV1.fields, note('int', 0)] });
    const violations = repo.check();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain('note: type changed from string to int');
  });

  it('refuses a removed schema unless retired.json names it', () => {
    const repo = repositoryWithMain();
    rmSync(join(repo.repository, 'schemas/portal/submitted.avsc'));
    expect(repo.check()).toEqual([
      expect.stringMatching(/^portal\/submitted: schema de\.hub\.test\.Submitted removed/),
    ]);
    writeFileSync(
      join(repo.repository, 'schemas/retired.json'),
      JSON.stringify({ 'portal/submitted': 'never written' }),
    );
    expect(repo.check()).toEqual([]);
  });

  it('names a missing baseline instead of passing silently', () => {
    const repo = repositoryWithMain();
    expect(() =>
      checkEvolution({
        repository: repo.repository,
        baseRef: 'release',
        schemaDirectory: 'schemas',
      }),
    ).toThrow(expect.objectContaining({ code: 'CONTRACTS_NO_BASELINE' }) as Error);
  });

  it('takes origin/main over a local main, and an explicit base over both', () => {
    const repo = repositoryWithMain();
    expect(baselineRef(repo.repository, {})).toBe('main');
    execFileSync('git', ['update-ref', 'refs/remotes/origin/main', 'main'], {
      cwd: repo.repository,
    });
    expect(baselineRef(repo.repository, {})).toBe('origin/main');
    expect(baselineRef(repo.repository, { CONTRACTS_BASE_REF: 'main' })).toBe('main');
  });

  it('fails, naming what to fetch, in a clone without main', () => {
    const repo = repositoryWithMain();
    execFileSync('git', ['checkout', '-q', '-b', 'feature'], { cwd: repo.repository });
    execFileSync('git', ['branch', '-q', '-D', 'main'], { cwd: repo.repository });
    expect(() => baselineRef(repo.repository, {})).toThrow(
      expect.objectContaining({
        code: 'CONTRACTS_NO_BASELINE',
        message: expect.stringContaining('git fetch origin main') as string,
      }) as Error,
    );
  });

  it('fails in a shallow clone, whose history misses the versions to compare with', () => {
    const repo = repositoryWithMain();
    repo.write({ ...schemaV1, doc: 'v2' });
    repo.commit('v2');
    const shallow = mkdtempSync(join(tmpdir(), 'contracts-shallow-'));
    onTestFinished(() => {
      rmSync(shallow, { recursive: true, force: true });
    });
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.repository}`, shallow]);
    expect(() => baselineRef(shallow, {})).toThrow(
      expect.objectContaining({ code: 'CONTRACTS_SHALLOW_CLONE' }) as Error,
    );
  });
});
