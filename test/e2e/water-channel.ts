import {
  startServiceProcess,
  startToolProcess,
  type ServiceProcess,
  type ToolProcess,
} from '@hub/test-support';

/** An answer of the health office as the lab simulator lists it (GET /answers). */
export interface LabAnswer {
  readonly messageName: string;
  readonly referenzUUID?: string;
  readonly caseId?: string;
  readonly statusCode?: string;
}

/** An order the lab holds (GET /orders). */
export interface LabOrderTaken {
  readonly orderId: string;
  readonly caseId: string;
  readonly samplingPoint: string;
}

/**
 * The drinking-water side of the hub as `npm start` runs it: the health office's XTA box (the XTA
 * simulator in the message-box role) and the lab simulator, each its own process as tools, and the
 * XWasser connector in its own process. Started only by the files that ask for it.
 */
export async function startWaterChannel(name: string, common: Record<string, string>) {
  const tools: ToolProcess[] = [];
  const stopTools = () => Promise.all(tools.map((tool) => tool.stop()));
  try {
    const office = await startToolProcess(
      'tools/xta-simulator/src/main.ts',
      { XTA_SIMULATOR_PORT: '0', XTA_SIMULATOR_ROLE: 'message-box' },
      /listening on (\S+)/,
    );
    tools.push(office);
    const lab = await startToolProcess(
      'tools/lab-simulator/src/main.ts',
      {
        LAB_SIMULATOR_PORT: '0',
        LAB_SIMULATOR_ADMIN_PORT: '0',
        LAB_SIMULATOR_COLLECT_MS: '200',
        HEALTH_OFFICE_XTA_URL: office.ready[0] ?? '',
      },
      /XTA box (\S+), admin (\S+)/,
    );
    tools.push(lab);
    const [labXtaUrl = '', admin = ''] = lab.ready;
    const connector: ServiceProcess = await startServiceProcess(
      'xwasser-connector',
      {
        ...common,
        SERVICE_NAME: name,
        XTA_ENDPOINT_URL: office.ready[0] ?? '',
        ANSWER_XTA_ENDPOINT_URL: labXtaUrl,
        LAB_ORDER_URL: `${admin}/orders`,
        POLL_INTERVAL_MS: '300',
      },
      /started/,
    );
    const get = async <T>(path: string): Promise<T> =>
      (await (await fetch(`${admin}${path}`)).json()) as T;
    return {
      processes: [connector],
      orders: () => get<LabOrderTaken[]>('/orders'),
      answers: () => get<LabAnswer[]>('/answers'),
      /** The lab reports the ordered values (parameter codes of the limit table) on an order. */
      async report(orderId: string, measurements: { parameterCode: string; value: number }[]) {
        const response = await fetch(`${admin}/reports`, {
          method: 'POST',
          body: JSON.stringify({ orderId, measurements }),
        });
        if (response.status !== 202)
          throw new TypeError(`POST /reports: ${response.status} ${await response.text()}`);
        return (await response.json()) as { nachrichtenUUID: string; caseId: string };
      },
      async stop(): Promise<void> {
        await connector.stop();
        await stopTools();
      },
    };
  } catch (error) {
    await stopTools();
    throw error;
  }
}

export type WaterChannel = Awaited<ReturnType<typeof startWaterChannel>>;
