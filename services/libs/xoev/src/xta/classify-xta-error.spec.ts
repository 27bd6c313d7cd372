import { describe, expect, it } from 'vitest';
import { xoevError } from '../xoev-error.js';
import { classifyXtaError } from './classify-xta-error.js';
import { XtaTransportFailure } from './xta-http-transport.js';

const faultBody = (name: string) =>
  `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>` +
  `<env:Reason><env:Text xml:lang="de">Grund</env:Text></env:Reason>` +
  `<env:Detail><xta:${name} xmlns:xta="http://xoev.de/transport/xta/211"/></env:Detail>` +
  `</env:Fault></env:Body></env:Envelope>`;

describe('classifyXtaError', () => {
  it.each([
    ['XTAWSTechnicalProblemException', 'XTA_TECHNICAL_PROBLEM', true],
    ['PermissionDeniedException', 'XTA_PERMISSION_DENIED', false],
    ['ParameterIsNotValidException', 'XTA_PARAMETER_INVALID', false],
    ['MessageSchemaViolationException', 'XTA_SCHEMA_VIOLATION', false],
    ['InvalidMessageIDException', 'XTA_MESSAGE_ID_UNKNOWN', false],
  ])('classifies the fault %s as %s (retryable: %s)', (fault, code, retryable) => {
    const error = classifyXtaError(
      'sendMessage',
      new XtaTransportFailure('HTTP 500', { status: 500, body: faultBody(fault) }),
    );
    expect(error).toMatchObject({ code, retryable, message: `XTA sendMessage: ${fault}: Grund` });
  });

  it.each([
    [{ code: 'ETIMEDOUT' }, 'XTA_TIMEOUT', true],
    [{ code: 'ECONNREFUSED' }, 'XTA_UNREACHABLE', true],
    [{ code: 'ECONNRESET' }, 'XTA_UNREACHABLE', true],
    [{ status: 503 }, 'XTA_UNREACHABLE', true],
    [{ status: 404 }, 'XTA_REJECTED', false],
    [{}, 'XTA_UNREACHABLE', true],
  ])('classifies %o as %s (retryable: %s)', (detail, code, retryable) => {
    const failure = new XtaTransportFailure('on the wire', detail);
    expect(classifyXtaError('getStatusList', failure)).toMatchObject({ code, retryable });
  });

  it('keeps a failure already classified (an answer too large to parse)', () => {
    const tooLarge = xoevError('XML_TOO_LARGE', 'XTA answer is larger than 10 bytes');
    expect(classifyXtaError('getMessage', tooLarge)).toBe(tooLarge);
  });
});
