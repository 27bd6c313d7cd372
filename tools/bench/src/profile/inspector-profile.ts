import WebSocket from 'ws';

/** A V8 CPU profile as the DevTools protocol returns it (Profiler.stop). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const inspectorPort = 9229;

/**
 * Records `seconds` of a running Node process's CPU profile: SIGUSR1 opens its inspector on
 * 127.0.0.1:9229 (Node's default), the DevTools protocol starts and stops the sampling profiler,
 * and the inspector is closed again. One process at a time (they would share the port).
 */
export async function recordCpuProfile(pid: number, seconds: number): Promise<CpuProfile> {
  process.kill(pid, 'SIGUSR1');
  const target = await inspectorTarget();
  const socket = new WebSocket(target, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let lastId = 0;
  const answers = new Map<number, (result: unknown) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      lastId += 1;
      answers.set(lastId, resolve);
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  try {
    await call('Profiler.enable');
    // 0.5 ms between samples: enough for a 10–60 s window, small enough to see short handlers.
    await call('Profiler.setSamplingInterval', { interval: 500 });
    await call('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const { profile } = (await call('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    // process._debugEnd closes the inspector the signal opened, so the next process can use it;
    // it closes this connection instead of answering.
    const closed = new Promise((resolve) => socket.once('close', resolve));
    void call('Runtime.evaluate', { expression: 'process._debugEnd()' });
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    socket.terminate();
  }
}

async function inspectorTarget(): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${inspectorPort}/json/list`);
      const [first] = (await response.json()) as { webSocketDebuggerUrl: string }[];
      if (first) return first.webSocketDebuggerUrl;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no inspector answered on 127.0.0.1:${inspectorPort}`);
}
