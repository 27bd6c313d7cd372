import type { KitConfig } from '../config/kit-config.js';
import type { OutagePolicy } from './outage-policy.js';
import { outboundBreakers } from './outbound-breakers.js';

/** Sets this process's breakers from the configuration: call before the first outbound call. */
export function configureOutboundBreakers(config: KitConfig): void {
  outboundBreakers.configure({
    failureThreshold: config.OUTBOUND_FAILURES_TO_OPEN,
    initialProbeDelayMs: config.OUTBOUND_FIRST_PROBE_MS,
    maxProbeDelayMs: config.OUTBOUND_MAX_PROBE_MS,
  });
}

/** How long the service's handlers wait for an endpoint before telling people (configuration). */
export function outagePolicyOf(config: KitConfig): OutagePolicy {
  return {
    noticeAfterMs: config.OUTAGE_NOTICE_AFTER_MS,
    escalateAfterMs: config.OUTAGE_ESCALATE_AFTER_MS,
  };
}
