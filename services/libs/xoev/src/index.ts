export { xoevErrorCodes, type XoevErrorCode } from './xoev-error-codes.js';
export { xoevError } from './xoev-error.js';
export { defaultXmlLimits, type XmlLimits } from './xml/xml-limits.js';
export { guardXmlInput } from './xml/guard-xml-input.js';
export { parseXml, type ParsedXml, type XmlObject } from './xml/parse-xml.js';
export {
  schemaSets,
  findSchemaSet,
  unknownSchemaReason,
  xoevContractsRoot,
  type SchemaSet,
} from './validate/schema-sets.js';
export { loadSchemaSets, standardFileName } from './standards/standards-catalogue.js';
export { expandSchematron, schematronText } from './validate/expand-schematron.js';
export {
  standardEntry,
  type MessageDirection,
  type StandardEntry,
} from './standards/standard-entry.js';
export {
  describeReasons,
  type ValidationReason,
  type ValidationResult,
  type ValidationSource,
} from './validate/validation-result.js';
export { XoevValidator, type XoevValidatorOptions } from './validate/xoev-validator.js';
export { xsdPatternToRegExp } from './text/xsd-regex.js';
export { readXsdStringType, type XsdStringType } from './text/xsd-string-type.js';
export { isXmlText } from './text/xml-chars.js';
export { checkText, type TextRule, type TextViolation } from './text/check-text.js';
export {
  loadXbauTextTypes,
  type XbauTextTypes,
  type XbauTextType,
  type XbauTextVersion,
} from './text/xbau-text-types.js';
export { xbau0200TextFields, type XbauTextField } from './text/xbau-0200-text-fields.js';
export { xbau0200MisfitTexts, type MisfitText } from './text/xbau-0200-texts.js';
export { XtaClient } from './xta/xta-client.js';
export { classifyXtaError } from './xta/classify-xta-error.js';
export { validateXtaEnvelope, type XtaEnvelopeValidation } from './xta/validate-xta-envelope.js';
export { xtaNamespaces } from './xta/xta-namespaces.js';
export {
  readSoapEnvelopeOutline,
  type HeaderBlock,
  type SoapEnvelopeOutline,
} from './xta/soap-envelope-outline.js';
export { messageMetaData } from './xta/xta-headers.js';
export {
  xtaWsdlPath,
  type XtaClientOptions,
  type XtaRouting,
  type XtaSecurity,
} from './xta/xta-options.js';
export type { TransportReport, XtaAttachment, XtaContainer } from './xta/xta-responses.js';
export { code, element, renderXml, type XmlNode } from './xml/xml-node.js';
export {
  xwasser,
  xwasserMessageCodes,
  type XwasserMessageName,
} from './xwasser/xwasser-release.js';
export type { XwasserContext, XwasserParty } from './xwasser/xwasser-context.js';
export type { LabReport, Measurement, Sample, SamplingPoint } from './xwasser/lab-report.js';
export { xwasserLists } from './xwasser/xwasser-lists.js';
export { toTransportieren2010, type LabReportIssuer } from './xwasser/to-transportieren-2010.js';
export {
  rejectionReasons,
  toQuittung0020,
  toRueckweisung0010,
  toStatusanfrage2030,
  toStatusantwort2040,
  xwasserStatus,
  type Rejection,
  type RejectionClass,
} from './xwasser/xwasser-answers.js';
export {
  parameterListVersions,
  readLabReport,
  readXwasserHead,
  type XwasserHead,
} from './xwasser/read-xwasser.js';
export { sampleContext, sampleIssuer, sampleLabReport } from './xwasser/sample-lab-report.js';
export { xmlAttribute, xmlChild, xmlChildren, xmlText } from './xml/xml-object.js';
