/**
 * The defect categories (Open311 `service_code`s) of issue 16 and the office that handles each.
 * `sonstiges` is the catch-all: a report nobody else is responsible for goes to the citizens' office.
 */
export const categories = [
  'strassenschaden',
  'beleuchtung',
  'muell',
  'gruenflaeche',
  'spielplatz',
  'graffiti',
  'verkehrszeichen',
  'kanal',
  'sonstiges',
] as const;

export type Category = (typeof categories)[number];

export function isCategory(value: string): value is Category {
  return (categories as readonly string[]).includes(value);
}

export interface CategoryInfo {
  readonly name: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** The office (agency_responsible) a report of this category is routed to. */
  readonly office: string;
}

export const categoryInfo: Readonly<Record<Category, CategoryInfo>> = {
  strassenschaden: {
    name: 'Straßenschaden',
    description: 'Schlaglöcher, kaputte Gehwege, lose Pflastersteine, abgesackte Fahrbahn.',
    keywords: ['schlagloch', 'gehweg', 'pflaster', 'fahrbahn', 'radweg'],
    office: 'Tiefbauamt',
  },
  beleuchtung: {
    name: 'Straßenbeleuchtung',
    description: 'Defekte oder dauerhaft brennende Straßenlaternen.',
    keywords: ['laterne', 'straßenlampe', 'beleuchtung'],
    office: 'Tiefbauamt – Straßenbeleuchtung',
  },
  muell: {
    name: 'Müll und wilde Ablagerungen',
    description: 'Illegal abgestellter Sperrmüll, überquellende Papierkörbe und Container.',
    keywords: ['müll', 'sperrmüll', 'papierkorb', 'container'],
    office: 'Abfallwirtschaftsbetrieb',
  },
  gruenflaeche: {
    name: 'Grünflächen und Bäume',
    description: 'Bäume, Äste, Hecken, Rasen und Parkanlagen.',
    keywords: ['baum', 'ast', 'hecke', 'rasen', 'park'],
    office: 'Grünflächenamt',
  },
  spielplatz: {
    name: 'Spielplatz',
    description: 'Beschädigte Spielgeräte, Glasscherben im Sand, Verschmutzung von Spielplätzen.',
    keywords: ['spielplatz', 'schaukel', 'rutsche', 'sandkasten'],
    office: 'Grünflächenamt – Spielplätze',
  },
  graffiti: {
    name: 'Graffiti',
    description: 'Schmierereien und Graffiti an öffentlichen Gebäuden und Anlagen.',
    keywords: ['graffiti', 'schmiererei', 'tag', 'besprüht'],
    office: 'Gebäudemanagement',
  },
  verkehrszeichen: {
    name: 'Verkehrszeichen und Ampeln',
    description: 'Umgefahrene, verdrehte oder zugewachsene Schilder, gestörte Ampeln.',
    keywords: ['schild', 'ampel', 'verkehrszeichen', 'markierung'],
    office: 'Straßenverkehrsbehörde',
  },
  kanal: {
    name: 'Kanal und Entwässerung',
    description: 'Verstopfte Gullys, klappernde Kanaldeckel, Überschwemmungen nach Regen.',
    keywords: ['gully', 'kanaldeckel', 'abfluss', 'überschwemmung'],
    office: 'Stadtentwässerung',
  },
  sonstiges: {
    name: 'Sonstiges',
    description: 'Alles, was in keine andere Kategorie passt.',
    keywords: [],
    office: 'Bürgerservice',
  },
};
