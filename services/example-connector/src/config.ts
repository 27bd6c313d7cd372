import { kitConfigSchema, loadConfig, type KitConfig } from '@hub/kit';

/** The example needs nothing beyond the kit; a real connector extends the schema here. */
export const configSchema = kitConfigSchema;

export function config(env: Record<string, string | undefined> = process.env): KitConfig {
  return loadConfig(configSchema, env);
}
