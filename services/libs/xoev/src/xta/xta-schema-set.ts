import { join } from 'node:path';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { xoevContractsRoot } from '../validate/schema-sets.js';
import { xtaNamespaces as ns } from './xta-namespaces.js';

// Lets libxml2 resolve xs:include / xs:import from the local schema copies.
xmlRegisterFsInputProviders();

/** The pinned official XTA 2 v2.1.1 schemas (and the WSDL that imports them). */
export const xtaSchemaDirectory = join(xoevContractsRoot, 'xta/2.1.1');

/**
 * One schema set for everything that may travel in an XTA 2 envelope: the SOAP 1.2 envelope,
 * WS-Addressing, WS-Security, OSCI 2 and its MessageMetaData, and the XTA elements and
 * exceptions. It is the WSDL's own `types` schema plus the SOAP, WS-Addressing and WS-Security
 * imports the WSDL takes for granted. It lives beside the official files, so that their relative
 * `schemaLocation`s resolve.
 */
const envelopeSchemaSet = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="${ns.xta}" elementFormDefault="qualified">
  <xs:import namespace="${ns.soap12}" schemaLocation="soap-envelope.xsd"/>
  <xs:import namespace="${ns.wsa}" schemaLocation="ws-addr.xsd"/>
  <xs:import namespace="${ns.osci}" schemaLocation="OSCI2_02.xsd"/>
  <xs:import namespace="${ns.oscimeta}" schemaLocation="OSCI_MessageMetaData_V2.02.xsd"/>
  <xs:import namespace="${ns.wsse}" schemaLocation="oasis-200401-wss-wssecurity-secext-1.0.xsd"/>
  <xs:import namespace="${ns.wsu}" schemaLocation="oasis-200401-wss-wssecurity-utility-1.0.xsd"/>
  <xs:include schemaLocation="XTA-Webservice-Globale-Elemente.xsd"/>
  <xs:include schemaLocation="XTA-Webservice-Exceptions.xsd"/>
</xs:schema>`;

/** Compiles the set (~0.1 s); keep the validator for the life of the process. */
export function compileXtaSchemaSet(): XsdValidator {
  const schema = XmlDocument.fromString(envelopeSchemaSet, {
    url: join(xtaSchemaDirectory, 'hub-xta-envelope-set.xsd'),
  });
  try {
    return XsdValidator.fromDoc(schema);
  } finally {
    schema.dispose();
  }
}
