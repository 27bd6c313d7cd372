import { describe, expect, it } from 'vitest';
import { classifyXtaError } from './classify-xta-error.js';

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
    const error = classifyXtaError('sendMessage', {
      body: faultBody(fault),
      response: { status: 500 },
    });
    expect(error).toMatchObject({ code, retryable, message: `XTA sendMessage: ${fault}: Grund` });
  });

  it.each([
    [{ code: 'ECONNABORTED' }, 'XTA_TIMEOUT', true],
    [{ code: 'ECONNREFUSED' }, 'XTA_UNREACHABLE', true],
    [{ code: 'ECONNRESET' }, 'XTA_UNREACHABLE', true],
    [{ response: { status: 503 } }, 'XTA_UNREACHABLE', true],
    [{ response: { status: 404 } }, 'XTA_REJECTED', false],
  ])('classifies %o as %s (retryable: %s)', (failure, code, retryable) => {
    expect(classifyXtaError('getStatusList', failure)).toMatchObject({ code, retryable });
  });
});
