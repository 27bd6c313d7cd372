import { describe, expect, it } from 'vitest';
import { withConsumer } from './add-consumer.js';

const catalogue = `export const eventTopics = [
  {
    name: 'case.citizen-status-changed.v1',
    consumers: ['portal-gateway.citizen-status-changed'],
  },
  { name: 'payment.payment-settled.v1', consumers: [] },
];`;

describe('adding a connector to the catalogue', () => {
  it('lists its group among the consumers of its topic, and only there', () => {
    const edited = withConsumer(
      catalogue,
      'case.citizen-status-changed.v1',
      'demo.citizen-status-changed',
    );

    expect(edited).toContain(
      "consumers: ['portal-gateway.citizen-status-changed', 'demo.citizen-status-changed']",
    );
    expect(edited).toContain("{ name: 'payment.payment-settled.v1', consumers: [] }");
  });

  it('adds a group once, however often it runs', () => {
    const once = withConsumer(catalogue, 'payment.payment-settled.v1', 'demo.payment-settled');

    expect(withConsumer(once, 'payment.payment-settled.v1', 'demo.payment-settled')).toBe(once);
  });

  it('refuses a topic the catalogue does not have', () => {
    expect(() => withConsumer(catalogue, 'no.such-topic.v1', 'demo.x')).toThrow(/No topic/);
  });
});
