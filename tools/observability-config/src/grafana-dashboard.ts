import { eventTopics, type TopicSpec } from '@hub/contracts';
import { consumerGroups } from './alert-rules.js';
import { metrics, serviceOfGroup } from './metric-catalogue.js';
import { serviceJob } from './prometheus-config.js';

interface Query {
  readonly expr: string;
  readonly legend: string;
}

interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly queries: readonly Query[];
}

const datasource = { type: 'prometheus', uid: '${datasource}' };
const panelWidth = 6;
const panelHeight = 8;
const rate = (series: string) => `rate(${series}[5m])`;

/** The groups of one service as a label matcher; `[.]` keeps the dot literal without escaping. */
function groupsOf(service: string, groups: readonly string[]): string {
  const own = groups.filter((group) => serviceOfGroup(group) === service);
  return `group=~"${own.map((group) => group.replace('.', '[.]')).join('|')}"`;
}

function servicePanels(service: string, groups: readonly string[]): Panel[] {
  const matcher = groupsOf(service, groups);
  return [
    {
      title: 'Verarbeitet/s (processed/s)',
      unit: 'ops',
      queries: [
        {
          expr: `sum by (group) (${rate(`${metrics.processed.name}{${matcher}}`)})`,
          legend: '{{group}}',
        },
      ],
    },
    {
      title: 'Dead Letters/s (dead-lettered/s)',
      unit: 'ops',
      queries: [
        {
          expr: `sum by (group, code) (${rate(`${metrics.deadLettered.name}{${matcher}}`)})`,
          legend: '{{group}} {{code}}',
        },
      ],
    },
    {
      title: 'Handler-Dauer p95 (handler p95)',
      unit: 's',
      queries: [
        {
          expr: `histogram_quantile(0.95, sum by (group, le) (${rate(`${metrics.handlerDuration.name}_bucket{${matcher}}`)}))`,
          legend: '{{group}}',
        },
      ],
    },
    {
      title: 'Consumer-Lag (records behind)',
      unit: 'short',
      queries: [
        {
          expr: `sum by (group, topic) (${metrics.consumerLag.name}{${matcher}})`,
          legend: '{{group}} {{topic}}',
        },
      ],
    },
  ];
}

function topicPanel(topic: TopicSpec): Panel {
  const selector = `{topic="${topic.name}"}`;
  return {
    title: topic.name,
    unit: 'ops',
    queries: [
      {
        expr: `sum by (group) (${rate(metrics.consumed.name + selector)})`,
        legend: '{{group}} gelesen',
      },
      {
        expr: `sum by (group) (${rate(metrics.processed.name + selector)})`,
        legend: '{{group}} verarbeitet',
      },
      {
        expr: `sum by (group) (${rate(metrics.retried.name + selector)})`,
        legend: '{{group}} wiederholt',
      },
      {
        expr: `sum by (group) (${rate(metrics.deadLettered.name + selector)})`,
        legend: '{{group}} Dead Letter',
      },
    ],
  };
}

const outsideSystemPanels: Panel[] = [
  {
    title: 'Dienste erreichbar (scrape up)',
    unit: 'short',
    queries: [{ expr: `up{job="${serviceJob}"}`, legend: '{{service}}' }],
  },
  {
    title: 'Zahlungen: Ergebnisse/s (payment outcomes)',
    unit: 'ops',
    queries: [
      {
        expr: `sum by (outcome) (${rate(metrics.paymentOutcomes.name)})`,
        legend: '{{outcome}}',
      },
    ],
  },
  {
    title: 'Zahlungen: Benachrichtigungen/s (notifications)',
    unit: 'ops',
    queries: [
      {
        expr: `sum by (verdict) (${rate(metrics.paymentNotifications.name)})`,
        legend: '{{verdict}}',
      },
    ],
  },
  {
    title: 'XTA-Antworten/s (XBau replies)',
    unit: 'ops',
    queries: [
      { expr: `sum by (outcome) (${rate(metrics.xbauReplies.name)})`, legend: '{{outcome}}' },
    ],
  },
];

/** Rows of panels, four to a line, each row under its own heading. */
function layout(rows: readonly { title: string; panels: readonly Panel[] }[]): unknown[] {
  const laidOut: unknown[] = [];
  let y = 0;
  for (const row of rows) {
    laidOut.push({
      type: 'row',
      title: row.title,
      id: laidOut.length + 1,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    row.panels.forEach((panel, index) => {
      const x = (index % 4) * panelWidth;
      if (index > 0 && x === 0) y += panelHeight;
      laidOut.push({
        type: 'timeseries',
        id: laidOut.length + 1,
        title: panel.title,
        datasource,
        fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
        gridPos: { h: panelHeight, w: panelWidth, x, y },
        targets: panel.queries.map((query, index) => ({
          refId: String.fromCharCode(65 + index),
          datasource,
          expr: query.expr,
          legendFormat: query.legend,
        })),
      });
    });
    y += panelHeight;
  }
  return laidOut;
}

/** hub-overview.json: a row per service, a row per event topic, and the outside systems. */
export function grafanaDashboard(catalogue: readonly TopicSpec[] = eventTopics): object {
  const groups = consumerGroups(catalogue);
  return {
    uid: 'hub-overview',
    title: 'Integrations-Hub: Überblick',
    description:
      'Generated by `npm run -w tools/observability-config generate`; do not edit by hand.',
    tags: ['hub', 'generated'],
    editable: false,
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    templating: {
      list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus' }],
    },
    panels: layout([
      {
        title: 'Dienste und Außensysteme (services and outside systems)',
        panels: outsideSystemPanels,
      },
      ...[...new Set(groups.map(serviceOfGroup))].map((service) => ({
        title: `Dienst ${service}`,
        panels: servicePanels(service, groups),
      })),
      { title: 'Topics', panels: catalogue.map(topicPanel) },
    ]),
  };
}
