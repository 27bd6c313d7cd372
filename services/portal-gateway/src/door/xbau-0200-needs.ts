import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';

/** The form field the connector writes as xbau:anzahlDerGebaeudeImBauvorhaben. */
const numberOfBuildings = 'bauvorhaben.anzahlGebaeude';

/**
 * What the XBau connector's 0200 mapping refuses beyond texts (XBAU_APPLICATION_INCOMPLETE, a
 * dead letter after a 202): at least one attachment (xbau:anlagen/anlage is required), and a
 * number of buildings that is a whole number of at least 1.
 */
export function xbau0200Needs(application: SubmitApplicationRequest): FieldError[] {
  const needs: FieldError[] = [];
  if (application.attachments.length === 0) {
    needs.push({
      path: '/attachments',
      reason: 'XBau needs at least one attachment (e.g. the site plan)',
      reasonDe: 'XBau verlangt mindestens eine Anlage (z. B. den Lageplan)',
    });
  }
  application.formFields.forEach((field, index) => {
    if (field.key !== numberOfBuildings || field.value === null || field.value === '') return;
    if (/^[1-9][0-9]{0,8}$/.test(String(field.value))) return;
    needs.push({
      path: `/formFields/${index}/value`,
      reason: 'must be a whole number of at least 1',
      reasonDe: 'muss eine ganze Zahl ab 1 sein',
    });
  });
  return needs;
}
