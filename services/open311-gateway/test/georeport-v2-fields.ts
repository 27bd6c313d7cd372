/**
 * The GeoReport v2 field lists, in the specification's order (https://wiki.open311.org/GeoReport_v2):
 * written out from the specification, not from the code, so the contract tests can fail.
 */
export const geoReportServiceFields = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
];

export const geoReportRequestFields = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
