import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandSchematron, schematronText, schemaSets, xoevContractsRoot } from '@hub/xoev';

const project = fileURLToPath(new URL('../saxon/', import.meta.url));
const work = join(tmpdir(), 'hub-bench-saxon');

/**
 * The same Schematron rules our validator runs on a message (expanded and pruned for its type),
 * run by Saxon-HE 12.5 + SchXslt 1.10 on the JVM: parse plus every rule file, median per message
 * after a JIT warm-up. Resolved from Maven Central on first use; skipped without Java or Maven.
 */
export async function saxonSchematronMs(
  messageFile: string,
  messageType: string,
): Promise<{ medianMs: number; failedAsserts: number } | { skipped: string }> {
  mkdirSync(work, { recursive: true });
  const classpathFile = join(work, 'classpath.txt');
  const maven = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(project, 'pom.xml'),
      'dependency:build-classpath',
      `-Dmdep.outputFile=${classpathFile}`,
    ],
    { encoding: 'utf8' },
  );
  if (maven.status !== 0)
    return {
      skipped: `mvn failed: ${(maven.stdout + maven.stderr).trim().slice(-300) || maven.error?.message}`,
    };
  const classpath = readFileSync(classpathFile, 'utf8').trim();
  const classes = join(work, 'classes');
  const javac = spawnSync(
    'javac',
    ['-cp', classpath, '-d', classes, join(project, 'SchematronBaseline.java')],
    {
      encoding: 'utf8',
    },
  );
  if (javac.status !== 0)
    return { skipped: `javac failed: ${javac.stderr || javac.error?.message}` };

  const xbau26 = schemaSets.find((set) => set.name === 'XBau 2.6');
  const rules = await Promise.all(
    (xbau26?.schematron ?? []).map(async (file) => {
      const expanded = await expandSchematron(
        readFileSync(join(xoevContractsRoot, file), 'utf8'),
        messageType,
      );
      const target = join(work, basename(file));
      writeFileSync(target, schematronText(expanded, expanded['sch:schema']['sch:pattern'] ?? []));
      return target;
    }),
  );
  const run = spawnSync(
    'java',
    ['-cp', `${classpath}:${classes}`, 'SchematronBaseline', messageFile, '2000', ...rules],
    { encoding: 'utf8' },
  );
  const figures = /failed-asserts=(\d+) median-ms=([\d.]+)/.exec(run.stdout);
  if (!figures) return { skipped: `the baseline did not run: ${run.stderr.trim().slice(-300)}` };
  return { failedAsserts: Number(figures[1]), medianMs: Number(figures[2]) };
}
