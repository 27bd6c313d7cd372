import { categories, type Category } from './categories.js';
import type { Decision, TextClassifier } from './decision.js';
import { words } from './features.js';

/**
 * The baseline: hand-written word stems per category, as a clerk would list them. A word counts
 * for a category when it contains one of its stems (so "schlaglöcher" matches "schlagloch");
 * confidence is the category's share of all matches, 0 when nothing matched (→ sonstiges).
 */
const stems: Readonly<Record<Exclude<Category, 'sonstiges'>, readonly string[]>> = {
  strassenschaden: [
    'schlagloch',
    'loch',
    'pflaster',
    'gehweg',
    'buergersteig',
    'fahrbahn',
    'asphalt',
    'riss',
    'radweg',
    'bordstein',
    'abgesackt',
    'stolper',
  ],
  beleuchtung: ['laterne', 'lampe', 'beleuchtung', 'licht', 'dunkel', 'flacker', 'leuchte'],
  muell: [
    'muell',
    'sperrmuell',
    'abfall',
    'papierkorb',
    'muelleimer',
    'container',
    'sack',
    'saecke',
    'entsorg',
    'abgeladen',
    'kuehlschrank',
    'matratze',
  ],
  gruenflaeche: [
    'baum',
    'baeume',
    'ast',
    'aeste',
    'hecke',
    'rasen',
    'wiese',
    'park',
    'gebuesch',
    'strauch',
    'gruenflaeche',
    'laub',
    'umgestuerzt',
  ],
  spielplatz: [
    'spielplatz',
    'schaukel',
    'rutsche',
    'sandkasten',
    'wippe',
    'klettergeruest',
    'spielgeraet',
    'kinder',
  ],
  graffiti: [
    'graffiti',
    'grafitti',
    'schmier',
    'gespruet',
    'gesprueht',
    'spray',
    'tag',
    'farbe',
    'bemalt',
  ],
  verkehrszeichen: [
    'schild',
    'verkehrszeichen',
    'ampel',
    'stoppschild',
    'vorfahrt',
    'markierung',
    'zebrastreifen',
    'poller',
  ],
  kanal: [
    'gully',
    'gulli',
    'kanal',
    'deckel',
    'abfluss',
    'abwasser',
    'ueberschwemm',
    'verstopft',
    'wasser',
    'pfuetze',
    'gestank',
  ],
};

export function lexiconClassifier(): TextClassifier {
  return {
    technique: 'keyword-lexicon',
    classify(text: string): Decision {
      const hits = new Map<Category, string[]>();
      for (const word of words(text))
        for (const [category, list] of Object.entries(stems) as [Category, string[]][])
          if (list.some((stem) => word.includes(stem)))
            hits.set(category, [...(hits.get(category) ?? []), word]);
      const total = [...hits.values()].reduce((sum, list) => sum + list.length, 0);
      const ranking = categories
        .map((category) => ({
          category,
          probability:
            total === 0
              ? category === 'sonstiges'
                ? 1
                : 0
              : (hits.get(category)?.length ?? 0) / total,
        }))
        .sort((a, b) => b.probability - a.probability);
      const best = ranking[0] ?? { category: 'sonstiges', probability: 0 };
      return {
        category: best.category,
        confidence: total === 0 ? 0 : best.probability,
        ranking,
        evidence: (hits.get(best.category) ?? []).slice(0, 5).map((word) => ({ word, weight: 1 })),
      };
    },
  };
}
