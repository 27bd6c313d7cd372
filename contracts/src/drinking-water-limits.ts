import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContractError } from './contract-error.js';
import type { LimitPriority } from './generated/index.js';

/** One limit value of a parameter, in the unit the lab must report it in. */
export interface DrinkingWaterLimit {
  readonly parameterCode: string;
  readonly name: string;
  readonly limit: number;
  readonly unit: string;
  /** The provision the limit comes from, e.g. `TrinkwV 2023 Anlage 2 Teil II`. */
  readonly source: string;
  /** How urgently the health office must act (Avro enum de.hub.health.LimitPriority). */
  readonly priority: LimitPriority;
}

/**
 * A versioned table of drinking-water limits (`contracts/limits/<version>.json`): a changed
 * ordinance or a pinned code list is a new file, never an edit, so every event names the table
 * its values were judged by.
 */
export interface DrinkingWaterLimitTable {
  readonly version: string;
  readonly validFrom: string;
  /** The SHAPTH parameter list (and its version) the codes belong to. */
  readonly parameterList: { readonly uri: string; readonly version: string };
  readonly limits: readonly DrinkingWaterLimit[];
}

const directory = fileURLToPath(new URL('../limits/', import.meta.url));
const priorities: readonly string[] = ['NORMAL', 'HIGH', 'CRITICAL'];

/** The versions of the limit table in `contracts/limits/`, oldest first. */
export function drinkingWaterLimitVersions(): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** One version of the limit table, checked: unique codes, finite limits ≥ 0, known priorities. */
export function drinkingWaterLimits(version: string): DrinkingWaterLimitTable {
  if (!drinkingWaterLimitVersions().includes(version))
    throw new ContractError(
      `No drinking-water limit table ${version} (known: ${drinkingWaterLimitVersions().join(', ')}).`,
    );
  const table = JSON.parse(
    readFileSync(`${directory}${version}.json`, 'utf8'),
  ) as DrinkingWaterLimitTable;
  const codes = new Set<string>();
  for (const limit of table.limits) {
    if (codes.has(limit.parameterCode))
      throw new ContractError(`${version}: parameter ${limit.parameterCode} is listed twice.`);
    codes.add(limit.parameterCode);
    if (!Number.isFinite(limit.limit) || limit.limit < 0)
      throw new ContractError(
        `${version}: the limit of ${limit.parameterCode} is not a number ≥ 0.`,
      );
    if (!priorities.includes(limit.priority))
      throw new ContractError(`${version}: priority ${limit.priority} of ${limit.parameterCode}.`);
  }
  return table;
}
