import { startToolProcess, type ToolProcess } from '@hub/test-support';

/** An answer as the lab simulator lists it (GET /answers); the fields the tests read. */
export type ListedAnswer = Readonly<Record<string, unknown>> & {
  readonly messageName: string;
  readonly referenzUUID?: string;
  readonly rejection?: { readonly code: string; readonly details: readonly string[] };
};

export interface SentMessage {
  readonly nachrichtenUUID: string;
  readonly caseId: string;
  readonly xtaMessageId: string;
}

/** The health office's XTA box and the lab simulator, each its own process, the lab over HTTP. */
export interface LabOverHttp {
  /** The health office's XTA server (the connector's XTA_ENDPOINT_URL). */
  readonly officeXtaUrl: string;
  /** The lab's own XTA box (the connector's ANSWER_XTA_ENDPOINT_URL). */
  readonly labXtaUrl: string;
  /** Where the lab takes orders (the connector's LAB_ORDER_URL). */
  readonly orderUrl: string;
  /** The orders the lab holds (GET /orders). */
  orders(): Promise<{ orderId: string; caseId: string; samplingPoint: string }[]>;
  sendReport(order: object): Promise<SentMessage>;
  sendStatusRequest(caseId: string): Promise<SentMessage>;
  /** Any text, as the lab sends it; returns its XTA message id. */
  sendRaw(body: string): Promise<string>;
  answers(): Promise<ListedAnswer[]>;
  stop(): Promise<void>;
}

export async function startLabOverHttp(): Promise<LabOverHttp> {
  const office = await startToolProcess(
    'tools/xta-simulator/src/main.ts',
    { XTA_SIMULATOR_PORT: '0', XTA_SIMULATOR_ROLE: 'message-box' },
    /listening on (\S+)/,
  );
  let lab: ToolProcess;
  try {
    lab = await startToolProcess(
      'tools/lab-simulator/src/main.ts',
      {
        LAB_SIMULATOR_PORT: '0',
        LAB_SIMULATOR_ADMIN_PORT: '0',
        LAB_SIMULATOR_COLLECT_MS: '100',
        HEALTH_OFFICE_XTA_URL: office.ready[0] ?? '',
      },
      /XTA box (\S+), admin (\S+)/,
    );
  } catch (error) {
    await office.stop();
    throw error;
  }
  const [labXtaUrl = '', admin = ''] = lab.ready;
  const post = async <T>(path: string, body: string): Promise<T> => {
    const response = await fetch(`${admin}${path}`, { method: 'POST', body });
    if (response.status !== 202)
      throw new TypeError(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    officeXtaUrl: office.ready[0] ?? '',
    labXtaUrl,
    orderUrl: `${admin}/orders`,
    orders: async () =>
      (await (await fetch(`${admin}/orders`)).json()) as Awaited<ReturnType<LabOverHttp['orders']>>,
    sendReport: (order) => post('/reports', JSON.stringify(order)),
    sendStatusRequest: (caseId) => post('/status-requests', JSON.stringify({ caseId })),
    sendRaw: async (body) => (await post<{ xtaMessageId: string }>('/messages', body)).xtaMessageId,
    answers: async () => (await (await fetch(`${admin}/answers`)).json()) as ListedAnswer[],
    stop: async () => {
      await lab.stop();
      await office.stop();
    },
  };
}
