import { describe, expect, it } from 'vitest';
import { eventTopics } from '@hub/contracts';
import { grafanaDashboard } from './grafana-dashboard.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string }[];
}

describe('the generated Grafana dashboard', () => {
  const panels = (grafanaDashboard() as { panels: Panel[] }).panels;

  it('gives every panel its own id', () => {
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length);
  });

  it('lays no panel over another within the 24-column grid', () => {
    const overlaps = panels.flatMap((a, i) =>
      panels
        .slice(i + 1)
        .filter(
          (b) =>
            a.gridPos.x < b.gridPos.x + b.gridPos.w &&
            b.gridPos.x < a.gridPos.x + a.gridPos.w &&
            a.gridPos.y < b.gridPos.y + b.gridPos.h &&
            b.gridPos.y < a.gridPos.y + a.gridPos.h,
        )
        .map((b) => `${a.title} / ${b.title}`),
    );
    expect(overlaps).toEqual([]);
    expect(panels.every((panel) => panel.gridPos.x + panel.gridPos.w <= 24)).toBe(true);
  });

  it('has a panel with a query for every event topic of the catalogue', () => {
    const titles = panels.filter((panel) => panel.targets?.length).map((panel) => panel.title);
    expect(eventTopics.map((topic) => topic.name).filter((name) => !titles.includes(name))).toEqual(
      [],
    );
  });
});
