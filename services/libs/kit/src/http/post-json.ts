import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** An answer: its status and, for the caller's error message, the start of its text. */
export interface PostedAnswer {
  readonly status: number;
  readonly text: string;
}

export interface PostJsonOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Deadline of the whole call; past it the call fails with an error named `TimeoutError`. */
  readonly timeoutMs: number;
}

// Kept-alive connections shared by every call of the process, as fetch's global dispatcher does.
const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};
// Answers to a POST here are acknowledgements and error documents; more is not kept.
const maxAnswerChars = 64 * 1024;

/**
 * POSTs `body` as JSON with `node:http(s)` and resolves with the answer, whatever its status (the
 * caller classifies it; a redirect is an answer too, not followed). Network failures reject with Node's error (`code` ECONNREFUSED, …),
 * which `classifyNetworkError` reads. Used instead of `fetch` on the hot paths: on this Node,
 * fetch (undici, web streams, AbortSignal) costs about four times the CPU of a plain request
 * (`npm run bench -- xta`, issue 17).
 */
export function postJson(url: URL, body: string, options: PostJsonOptions): Promise<PostedAnswer> {
  const payload = Buffer.from(body, 'utf8');
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      agent: https ? agents['https:'] : agents['http:'],
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        'content-length': String(payload.length),
      },
    });
    const deadline = setTimeout(() => {
      const timeout = new Error(`no answer within ${options.timeoutMs} ms`);
      timeout.name = 'TimeoutError';
      request.destroy(timeout);
    }, options.timeoutMs);
    request.once('close', () => {
      clearTimeout(deadline);
    });
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < maxAnswerChars) text += chunk;
      });
      response.once('end', () => {
        resolve({ status: response.statusCode ?? 0, text: text.slice(0, maxAnswerChars) });
      });
      response.once('error', reject);
    });
    request.end(payload);
  });
}
