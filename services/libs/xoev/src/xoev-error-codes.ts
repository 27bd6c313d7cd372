/**
 * Every error code this library throws, with its retry decision taken here once: bad XML and
 * invalid messages never become valid by trying again; transport trouble might.
 */
export const xoevErrorCodes = {
  /** The XML text is larger than the configured limit. */
  XML_TOO_LARGE: { retryable: false },
  /** Elements nest deeper than the configured limit. */
  XML_TOO_DEEP: { retryable: false },
  /** A DOCTYPE or ENTITY declaration: refused before any parser sees it. */
  XML_DTD_FORBIDDEN: { retryable: false },
  /** Not well-formed XML. */
  XML_MALFORMED: { retryable: false },
  /** No schema set is known for the root element's namespace and `version` attribute. */
  XOEV_UNKNOWN_SCHEMA: { retryable: false },
  /** A `standard.json` of the XÖV standards catalogue does not match its schema. */
  XOEV_CATALOGUE_INVALID: { retryable: false },
  /** XSD, Schematron or code-list validation failed; the message names every reason. */
  XOEV_INVALID: { retryable: false },
  /** The XTA server reported a technical problem (XTAWSTechnicalProblemException). */
  XTA_TECHNICAL_PROBLEM: { retryable: true },
  /** The XTA server refused the caller (PermissionDeniedException). */
  XTA_PERMISSION_DENIED: { retryable: false },
  /** The XTA server rejected a parameter (ParameterIsNotValidException). */
  XTA_PARAMETER_INVALID: { retryable: false },
  /** The XTA server found the XÖV message invalid (MessageSchemaViolationException). */
  XTA_SCHEMA_VIOLATION: { retryable: false },
  /** The XTA server does not know the message id asked about (InvalidMessageIDException). */
  XTA_MESSAGE_ID_UNKNOWN: { retryable: false },
  /** No answer within the configured timeout. */
  XTA_TIMEOUT: { retryable: true },
  /** Connection refused, reset or DNS failure; also HTTP 5xx without a known XTA fault. */
  XTA_UNREACHABLE: { retryable: true },
  /** Any other SOAP fault or HTTP 4xx: the request itself is wrong. */
  XTA_REJECTED: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

export type XoevErrorCode = keyof typeof xoevErrorCodes;
