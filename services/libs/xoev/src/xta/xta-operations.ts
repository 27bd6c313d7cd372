const xta = 'http://www.xta.de/XTA';
const osciMessageTypes = 'http://www.osci.eu/ws/2008/05/transport/urn/messageTypes';

/**
 * The XTA 2 operations the client calls, each with the SOAP action its binding in the pinned
 * official WSDL declares (a unit test reads the WSDL and holds this table to it). All three
 * ports are served at the one configured endpoint.
 */
export const xtaOperations = {
  createMessageId: `${xta}/CreateMessageID`,
  sendMessage: `${xta}/SendMessage`,
  getTransportReport: `${xta}/GetTransportReport`,
  getStatusList: `${osciMessageTypes}/MsgBoxStatusListRequest`,
  getNextStatusList: `${osciMessageTypes}/MsgBoxGetNextListRequest`,
  getMessage: `${osciMessageTypes}/MsgBoxFetchRequest`,
  close: `${osciMessageTypes}/MsgBoxCloseRequest`,
} as const;

export type XtaOperation = keyof typeof xtaOperations;
