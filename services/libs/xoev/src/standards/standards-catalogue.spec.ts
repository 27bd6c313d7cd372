import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xoevContractsRoot } from '../validate/schema-sets.js';
import { XoevValidator } from '../validate/xoev-validator.js';
import { loadSchemaSets, standardFileName } from './standards-catalogue.js';

describe('the XÖV standards catalogue', () => {
  const sets = loadSchemaSets(xoevContractsRoot);

  it('holds XBau 2.5, XBau 2.6 and XWasser 1.0.0, each file it names pinned in the repository', () => {
    expect([...new Set(sets.map((set) => set.standard))]).toEqual([
      'XBau 2.5',
      'XBau 2.6',
      'XWasser 1.0.0',
    ]);
    const files = sets.flatMap((set) => [
      set.entryXsd,
      ...set.schematron,
      ...(set.catalog ? [set.catalog] : []),
      ...(set.codeLists ? [set.codeLists] : []),
    ]);
    expect(files.filter((file) => !existsSync(join(xoevContractsRoot, file)))).toEqual([]);
  });

  it('prepares every standard of the catalogue without error, and refuses unknown ones as before', async () => {
    const validator = new XoevValidator();
    try {
      await validator.prepare();
      await expect(
        validator.validate(
          '<m:vorgang.statusanfrage.2030 xmlns:m="urn:example:unknown" version="1"/>',
        ),
      ).rejects.toMatchObject({ code: 'XOEV_UNKNOWN_SCHEMA' });
    } finally {
      validator.dispose();
    }
  });

  it('detects every message type a standard lists by exactly one of its schema sets', () => {
    const misfits = sets.flatMap((set) =>
      set.messages
        .filter(
          (message) =>
            sets.filter(
              (other) =>
                other.standard === set.standard && (other.rootPattern?.test(message.type) ?? true),
            ).length !== 1,
        )
        .map((message) => `${set.standard}: ${message.type}`),
    );
    expect(misfits).toEqual([]);
  });

  it('takes a new standard from a folder with a standard.json, without code', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xoev-catalogue-'));
    cpSync(join(xoevContractsRoot, 'xwasser/1.0.0/xsd'), join(root, 'xwasser-probe/9.9/xsd'), {
      recursive: true,
    });
    writeFileSync(
      join(root, 'xwasser-probe/9.9', standardFileName),
      JSON.stringify({
        standard: 'XWasser-Probe',
        version: '9.9',
        description:
          'The XWasser 1.0.0 schemas under another name, to prove the catalogue is data.',
        schemaSets: [
          {
            name: 'XWasser-Probe 9.9',
            namespace: 'https://gitlab.opencode.de/akdb/xoev/xwasser/-/raw/main/V1_0_0',
            version: '1.0.0',
            entryXsd: 'xsd/xwasser.xsd',
            catalog: 'xsd/catalog.xml',
          },
        ],
      }),
    );
    const validator = new XoevValidator({ contractsRoot: root });
    try {
      const message = `<?xml version="1.0"?>
<x:vorgang.statusanfrage.2030 xmlns:x="https://gitlab.opencode.de/akdb/xoev/xwasser/-/raw/main/V1_0_0" standard="XWasser" version="1.0.0"/>`;
      const result = await validator.validate(message);
      expect(result.standard).toBe('XWasser-Probe 9.9');
      expect(result.valid).toBe(false);
    } finally {
      validator.dispose();
    }
  });

  it('refuses a standard.json that does not match its schema, naming the file and field', () => {
    const root = mkdtempSync(join(tmpdir(), 'xoev-catalogue-'));
    cpSync(join(xoevContractsRoot, 'xwasser/1.0.0/xsd'), join(root, 'broken/1.0/xsd'), {
      recursive: true,
    });
    writeFileSync(
      join(root, 'broken/1.0', standardFileName),
      JSON.stringify({ standard: 'Broken', version: '1.0', description: 'x', schemaSets: [] }),
    );
    expect(() => loadSchemaSets(root)).toThrow(/broken\/1\.0\/standard\.json: schemaSets: /);
  });
});
