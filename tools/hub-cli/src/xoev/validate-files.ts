import { readFileSync } from 'node:fs';
import { HubError } from '@hub/errors';
import { describeReasons, schemaSets, type XoevValidator } from '@hub/xoev';

/** Exit codes of `hub xoev validate`: all valid, some invalid, some not readable. */
export const exitCodes = { valid: 0, invalid: 1, unreadable: 2 } as const;

export interface FilesVerdict {
  readonly lines: string[];
  readonly exitCode: (typeof exitCodes)[keyof typeof exitCodes];
}

/**
 * One block per file: what it was detected as (standard, message type and its direction), then
 * `valid` or `invalid` with every reason (source, line, XPath or rule id). Not well-formed XML and
 * unknown standards are `invalid` with the reason; a file that cannot be read makes the exit code 2.
 */
export async function validateFiles(
  validator: XoevValidator,
  files: readonly string[],
): Promise<FilesVerdict> {
  const lines: string[] = [];
  let exitCode: FilesVerdict['exitCode'] = exitCodes.valid;
  for (const file of files) {
    let xml: string;
    try {
      xml = readFileSync(file, 'utf8');
    } catch (error) {
      lines.push(`${file}: unreadable: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = exitCodes.unreadable;
      continue;
    }
    try {
      const result = await validator.validate(xml);
      lines.push(
        `${file}: ${detected(result.standard, result.schemaSet)}, ${result.messageName}${direction(result.schemaSet, result.messageName)}: ${result.valid ? 'valid' : 'invalid'}`,
        ...(result.valid ? [] : indent(describeReasons(result.reasons))),
      );
      if (!result.valid && exitCode === exitCodes.valid) exitCode = exitCodes.invalid;
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      lines.push(`${file}: invalid`, ...indent(`[${error.code}] ${error.message}`));
      if (exitCode === exitCodes.valid) exitCode = exitCodes.invalid;
    }
  }
  return { lines, exitCode };
}

function direction(schemaSet: string, messageName: string): string {
  const message = schemaSets
    .find((set) => set.name === schemaSet)
    ?.messages.find((known) => known.type === messageName);
  return message ? ` (${message.direction})` : ' (not a message type the hub handles)';
}

function detected(standard: string, schemaSet: string): string {
  return standard === schemaSet ? standard : `${standard} (${schemaSet})`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}
