/**
 * Text → features for the statistical classifiers. Citizens write colloquially and with typos, so
 * besides whole words each word contributes its character 3- to 5-grams: "schlagloh" still shares
 * most grams with "schlagloch". Every feature remembers the word it came from, which is what the
 * explanation shows to staff.
 */

/** Umlauts and ß folded, so "Strasse", "Straße" and "strase" land close together. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\[[a-z-]+\]/g, ' ');
}

// Words that say nothing about the category; kept out so explanations name real evidence.
const stopwords = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber auch noch schon ' +
    'ist sind war waren wird werden wurde hat haben hatte seit mit bei von vom zum zur auf aus ' +
    'an am im in ins um fuer ueber unter vor nach bis es er sie wir ihr ich man mal da dort hier ' +
    'so sehr ganz nicht kein keine keiner mehr wie was wer wo wann warum bitte danke hallo ' +
    'guten tag seit wochen tagen immer wieder jetzt heute gestern mein meine unser unsere ' +
    'dass das ob wenn dann denn doch ja nein schon nur gerade etwas alles total echt einfach'
  ).split(' '),
);

export function words(text: string): string[] {
  return normalise(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2 && !stopwords.has(word) && !/^\d+$/.test(word));
}

/** Each word with its features: the word itself and its padded character n-grams. */
export function featuresByWord(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const word of words(text)) {
    const features = result.get(word) ?? [];
    features.push(`w:${word}`, ...charGrams(word));
    result.set(word, features);
  }
  return result;
}

function charGrams(word: string): string[] {
  const padded = `_${word}_`;
  const grams: string[] = [];
  for (let size = 3; size <= 5; size += 1)
    for (let start = 0; start + size <= padded.length; start += 1)
      grams.push(padded.slice(start, start + size));
  return grams;
}
