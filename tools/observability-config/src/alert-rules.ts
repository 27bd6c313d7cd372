import { deadLetterTopic, eventTopics, type TopicSpec } from '@hub/contracts';
import { isScraped, metrics, serviceOfGroup, thresholds } from './metric-catalogue.js';
import { serviceJob } from './prometheus-config.js';
import type { YamlMap } from './yaml.js';

/** One Prometheus alerting rule; annotations in German for the operators, then English. */
export interface AlertRule extends YamlMap {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

const runbook = (alert: string) => `docs/operations.md#${alert.toLowerCase()}`;

/** Every consumer group of the catalogue whose service is scraped, once. */
export function consumerGroups(catalogue: readonly TopicSpec[] = eventTopics): string[] {
  return [...new Set(catalogue.flatMap((topic) => topic.consumers))]
    .filter((group) => isScraped(serviceOfGroup(group)))
    .sort();
}

/**
 * Any new dead letter of the group. A counter series appears only with its first dead letter, and
 * `increase` needs two samples, so a series that is new counts too, but only where Prometheus
 * scraped the instance a window ago: else every old series would fire after Prometheus starts.
 */
function deadLettersGrowing(group: string): AlertRule {
  const window = thresholds.deadLetters.window;
  const series = `${metrics.deadLettered.name}{group="${group}"}`;
  const dlq = deadLetterTopic(group).name;
  const scrapedBefore = `on(instance) up{job="${serviceJob}"} offset ${window}`;
  return {
    alert: 'DeadLettersGrowing',
    expr: `sum(increase(${series}[${window}])) > 0 or count(${series} > 0 unless ${series} offset ${window} and ${scrapedBefore})`,
    for: '0m',
    labels: { severity: 'warning', group, service: serviceOfGroup(group), dlq_topic: dlq },
    annotations: {
      summary: `Neue Dead Letters in ${dlq} / new dead letters in ${dlq}`,
      description:
        'Grund im Header lesen, Ursache beheben, erneut einspielen. / Read the reason header, fix the cause, replay.',
      runbook: runbook('DeadLettersGrowing'),
    },
  };
}

function consumerLagHigh(group: string): AlertRule {
  const { records, for: duration } = thresholds.consumerLag;
  return {
    alert: 'ConsumerLagHigh',
    expr: `sum by (topic) (${metrics.consumerLag.name}{group="${group}"}) > ${records}`,
    for: duration,
    labels: { severity: 'warning', group, service: serviceOfGroup(group) },
    annotations: {
      summary: `${group} liegt {{ $value }} Records zurück auf {{ $labels.topic }} / ${group} is {{ $value }} records behind on {{ $labels.topic }}`,
      description:
        'Fehler und Wiederholungen des Dienstes prüfen. / Check the handler errors and retries of the service.',
      runbook: runbook('ConsumerLagHigh'),
    },
  };
}

function serviceNotAnswering(): AlertRule {
  const duration = thresholds.serviceNotAnswering.for;
  return {
    alert: 'ServiceNotAnswering',
    expr: `up{job="${serviceJob}"} == 0`,
    for: duration,
    labels: { severity: 'critical' },
    annotations: {
      summary:
        '{{ $labels.service }} antwortet nicht auf {{ $labels.instance }} / {{ $labels.service }} does not answer at {{ $labels.instance }}',
      description:
        'Läuft der Prozess, ist /health/ready grün? / Is the process running, is /health/ready green?',
      runbook: runbook('ServiceNotAnswering'),
    },
  };
}

/** Applications that have not moved for WATCHDOG_STUCK_AFTER_MS, per state (case router's watchdog). */
function applicationStuck(): AlertRule {
  return {
    alert: 'ApplicationStuck',
    expr: `sum by (state) (${metrics.applicationsStuck.name}) > 0`,
    for: thresholds.applicationStuck.for,
    labels: { severity: 'warning', service: 'case-router' },
    annotations: {
      summary:
        '{{ $value }} Anträge hängen im Zustand {{ $labels.state }} / {{ $value }} applications stuck in state {{ $labels.state }}',
      description:
        'Im Log des Case-Routers stehen die Antrags-IDs; in der Ops-Konsole den Verlauf prüfen. / The case router log names the application ids; check their timeline in the ops console.',
      runbook: runbook('ApplicationStuck'),
    },
  };
}

/** FIT-Connect submissions the receiver has not decided 10 of the 14 days the platform keeps them. */
function fitConnectSubmissionNearingDeadline(): AlertRule {
  return {
    alert: 'FitConnectSubmissionNearingDeadline',
    expr: `sum(${metrics.fitConnectNearingDeadline.name}) > 0`,
    for: thresholds.fitConnectDeadline.for,
    labels: { severity: 'warning', service: 'fit-connect-receiver' },
    annotations: {
      summary:
        '{{ $value }} FIT-Connect-Einreichungen seit über 10 Tagen unentschieden / {{ $value }} FIT-Connect submissions undecided for over 10 days',
      description:
        'Nach 14 Tagen löscht FIT-Connect sie: Log des Receivers prüfen, Ursache beheben. / FIT-Connect deletes them after 14 days: check the receiver log and fix the cause.',
      runbook: runbook('FitConnectSubmissionNearingDeadline'),
    },
  };
}

/**
 * A lab report with a value above its drinking-water limit (XWasser connector): fires at the
 * first evaluation after the report, per parameter and priority. The connector starts every
 * series of its limit table at 0, so `increase` sees the first exceedance too.
 */
function drinkingWaterLimitExceeded(): AlertRule {
  const window = thresholds.drinkingWaterLimitExceeded.window;
  return {
    alert: 'DrinkingWaterLimitExceeded',
    expr: `sum by (parameter, priority) (increase(${metrics.drinkingWaterLimitsExceeded.name}[${window}])) > 0`,
    for: '0m',
    labels: { severity: 'critical', service: 'xwasser-connector' },
    annotations: {
      summary:
        'Trinkwasser-Grenzwert überschritten: {{ $labels.parameter }} (Priorität {{ $labels.priority }}) / drinking-water limit exceeded: {{ $labels.parameter }} (priority {{ $labels.priority }})',
      description:
        'Ereignisse auf health.limit-exceeded.v1 nennen Vorgang und Messwert; das Gesundheitsamt handelt nach TrinkwV. / Events on health.limit-exceeded.v1 name the case and the value; the health office acts under the TrinkwV.',
      runbook: runbook('DrinkingWaterLimitExceeded'),
    },
  };
}

/** alert-rules.yml: per consumer group from the catalogue, plus one rule over every service. */
export function alertRules(catalogue: readonly TopicSpec[] = eventTopics): YamlMap {
  const groups = consumerGroups(catalogue);
  return {
    groups: [
      { name: 'hub-dead-letters', rules: groups.map(deadLettersGrowing) },
      { name: 'hub-consumer-lag', rules: groups.map(consumerLagHigh) },
      { name: 'hub-services', rules: [serviceNotAnswering()] },
      {
        name: 'hub-applications',
        rules: [applicationStuck(), fitConnectSubmissionNearingDeadline()],
      },
      { name: 'hub-drinking-water', rules: [drinkingWaterLimitExceeded()] },
    ],
  };
}
