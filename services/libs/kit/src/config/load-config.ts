import type { z } from 'zod';
import { HubError } from '@hub/errors';

/** An environment schema: one field per variable, each with `.describe()` for the docs. */
export type EnvSchema = z.ZodObject<Record<string, z.ZodType>>;

/**
 * Validates the environment at boot. A bad or missing value stops the service with a message
 * that names the variable and says what is wrong, never its value (it may be a secret).
 */
export function loadConfig<S extends EnvSchema>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new HubError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, {
    retryable: false,
  });
}

/** The Markdown table of a schema's variables, for READMEs: the schema is the one source. */
export function configTable(schema: EnvSchema): string {
  const rows = Object.entries(schema.shape).map(([name, field]) => {
    const def = field._zod.def as { type: string; defaultValue?: unknown };
    const fallback =
      def.type === 'default'
        ? `\`${String(def.defaultValue)}\``
        : field.safeParse(undefined).success
          ? '—'
          : 'required';
    return `| \`${name}\` | ${fallback} | ${field.description ?? ''} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
