const dateTime = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Berlin',
});

/** Times as an operator in a German administration reads them. */
export function shownTime(at: Date | undefined): string {
  return at && !Number.isNaN(at.getTime()) ? dateTime.format(at) : '—';
}
