import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type avro from 'avsc';
import { parseSchemaSet, readSchemaSources, type SchemaSet } from '@hub/contracts';
import { compatibilityViolations } from './compatibility.js';
import { schemaHistory } from './git-history.js';

export interface EvolutionCheck {
  readonly repository: string;
  /** The branch whose history the working tree must stay compatible with. */
  readonly baseRef: string;
  /** The schema directory relative to the repository root. */
  readonly schemaDirectory: string;
}

/**
 * The evolution gate: every schema in the working tree, as a reader, must read everything any
 * earlier version on `baseRef` wrote (BACKWARD_TRANSITIVE), plus the hub's rules for old consumers
 * (see compatibility.ts). Returns one line per violation, naming schema and field path.
 */
export function checkEvolution(check: EvolutionCheck): string[] {
  const directory = join(check.repository, check.schemaDirectory);
  const current = parseSchemaSet(readSchemaSources(directory));
  const retired = retiredSchemas(directory);
  const violations = new Set<string>();
  for (const revision of schemaHistory(check.repository, check.baseRef, check.schemaDirectory)) {
    const before = parseSchemaSet(revision.sources);
    const version = `${check.baseRef}@${revision.commit.slice(0, 8)}`;
    for (const [name, writer] of before.types) {
      const reader = successorOf(writer, current);
      if (!reader) {
        if (retired.has(name)) continue;
        violations.add(`${name}: schema ${writer.name ?? ''} removed (was in ${version})`);
        continue;
      }
      for (const violation of compatibilityViolations(writer, reader))
        violations.add(`${name}: ${violation} (against ${version})`);
    }
  }
  return [...dropRepeats(violations)];
}

/**
 * `retired.json` beside the schemas: source name → why it may go. Only for a schema no topic ever
 * carried (or whose topics are gone): removing it cannot break a reader of data that exists.
 */
function retiredSchemas(directory: string): ReadonlySet<string> {
  const file = join(directory, 'retired.json');
  if (!existsSync(file)) return new Set();
  return new Set(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/** The current type that replaces `writer`: the same full name, or one that lists it as an alias. */
function successorOf(writer: avro.Type, current: SchemaSet): avro.Type | undefined {
  return [...current.types.values()].find(
    (type) => type.name === writer.name || (type.aliases ?? []).includes(writer.name ?? ''),
  );
}

// The same problem against several old versions is one problem; keep the newest version named.
function dropRepeats(violations: Set<string>): Set<string> {
  const seen = new Set<string>();
  const kept = new Set<string>();
  for (const violation of violations) {
    const problem = violation.replace(/ \(against [^)]*\)$/, '');
    if (seen.has(problem)) continue;
    seen.add(problem);
    kept.add(violation);
  }
  return kept;
}
