import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliveryChainGroups, eventTopics } from './topics.js';
import { deliveryTopicOf, procedureKind, procedureKinds } from './procedures.js';

describe('the procedure kinds of the catalogue', () => {
  it.each(procedureKinds.map((kind) => [kind.kind]))(
    '%s has a delivery topic of its own: a command of the case router, read by one group',
    (kind) => {
      const topic = eventTopics.find((spec) => spec.name === deliveryTopicOf(kind));
      expect(topic?.valueSchema).toBe('procedure/delivery-requested');
      expect(topic?.owner).toBe('case-router');
      expect(topic?.consumers).toHaveLength(1);
      // Its group's dead letters are watched like every command of the delivery chain.
      expect(deliveryChainGroups()).toContain(topic?.consumers[0]);
    },
  );

  it('gives no two kinds the same topic and each at least one standard', () => {
    const topics = procedureKinds.map((kind) => kind.deliveryTopic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const kind of procedureKinds) expect(kind.standards.length).toBeGreaterThan(0);
  });

  it('speaks only standards the XÖV catalogue (contracts/xoev/<standard>/<version>) can validate', () => {
    const xoev = new URL('../xoev/', import.meta.url);
    const catalogued = readdirSync(xoev, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap(({ name: standard }) =>
        readdirSync(new URL(`${standard}/`, xoev))
          .filter((version) => existsSync(new URL(`${standard}/${version}/standard.json`, xoev)))
          .map(
            (version) =>
              (
                JSON.parse(
                  readFileSync(new URL(`${standard}/${version}/standard.json`, xoev), 'utf8'),
                ) as { standard: string }
              ).standard,
          ),
      );
    for (const kind of procedureKinds)
      for (const standard of kind.standards)
        expect(catalogued.map((name) => name.toUpperCase())).toContain(standard);
  });

  it('names an unknown kind', () => {
    expect(() => procedureKind('xpersonenstand')).toThrow(
      'No procedure kind xpersonenstand in the catalogue.',
    );
  });
});
