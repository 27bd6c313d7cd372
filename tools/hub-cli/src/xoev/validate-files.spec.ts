import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { XoevValidator } from '@hub/xoev';
import { exitCodes, validateFiles } from './validate-files.js';

const golden = readFileSync(
  fileURLToPath(
    new URL(
      '../../../../services/xbau-connector/testdata/golden/minimal.xbau-2.6.xml',
      import.meta.url,
    ),
  ),
  'utf8',
);
const folder = mkdtempSync(join(tmpdir(), 'xoev-validate-'));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}
const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});

describe('hub xoev validate', () => {
  it('given only valid messages, says what each is and exits 0', async () => {
    const verdict = await validateFiles(validator, [file('0200.xml', golden)]);
    expect(verdict.exitCode).toBe(exitCodes.valid);
    expect(verdict.lines).toEqual([
      expect.stringMatching(
        /0200\.xml: XBau 2\.6, baugenehmigung\.antrag\.0200 \(outbound\): valid$/,
      ),
    ]);
  });

  it('given a listVersionID the pinned list lacks, exits 1 naming the list and both versions', async () => {
    const verdict = await validateFiles(validator, [
      file('0200.xml', golden),
      file(
        'old-list.xml',
        golden.replace('anlagen" listVersionID="3.0"', 'anlagen" listVersionID="2.1"'),
      ),
    ]);
    expect(verdict.exitCode).toBe(exitCodes.invalid);
    expect(verdict.lines.slice(1)).toEqual([
      expect.stringMatching(
        /old-list\.xml: XBau 2\.6, baugenehmigung\.antrag\.0200 \(outbound\): invalid$/,
      ),
      expect.stringMatching(
        /^ {2}\[codelist line \d+ at \/.*anlageart\] code list urn:xoev-de:xbau:codeliste:anlagen is pinned in version 3\.0, the message uses version 2\.1$/,
      ),
    ]);
  });

  it('given an unknown standard, exits 1 with the reason naming what was found', async () => {
    const verdict = await validateFiles(validator, [
      file('unknown.xml', '<m:nachricht.0001 xmlns:m="urn:example:xmeldung" version="3.1"/>'),
    ]);
    expect(verdict.exitCode).toBe(exitCodes.invalid);
    expect(verdict.lines.join('\n')).toMatch(
      /\[XOEV_UNKNOWN_SCHEMA\] .*nachricht\.0001.*'urn:example:xmeldung'.*'3\.1'/,
    );
  });

  it('given a file it cannot read, exits 2 and still judges the others', async () => {
    const verdict = await validateFiles(validator, [
      join(folder, 'missing.xml'),
      file('0200.xml', golden),
    ]);
    expect(verdict.exitCode).toBe(exitCodes.unreadable);
    expect(verdict.lines).toEqual([
      expect.stringMatching(/missing\.xml: unreadable: ENOENT/),
      expect.stringMatching(/0200\.xml: .*: valid$/),
    ]);
  });
});
