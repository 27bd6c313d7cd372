/** The namespaces of XTA 2 (v2.1.1) and of the standards its WSDL builds on. */
export const xtaNamespaces = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://www.w3.org/2005/08/addressing',
  xta: 'http://xoev.de/transport/xta/211',
  osci: 'http://www.osci.eu/ws/2008/05/transport',
  oscimeta: 'http://www.osci.eu/ws/2014/10/transport',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;
