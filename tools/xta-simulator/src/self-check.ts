import { describeReasons, validateXtaEnvelope } from '@hub/xoev';
import { xtaFault, type SoapAnswer } from './soap-envelope.js';

/**
 * The answer if it is valid against the official XTA 2 XSDs; otherwise a Receiver fault saying
 * so, and a line on stderr: a simulator as lenient as the client would hide the client's defects,
 * so it must not send what a real XTA server never would. Plain-text answers (413, 415) pass.
 */
export function selfChecked(answer: SoapAnswer): SoapAnswer {
  if (answer.contentType !== undefined) return answer;
  const validation = validateXtaEnvelope(answer.body);
  if (validation.valid) return answer;
  const reasons = describeReasons(validation.reasons);
  process.stderr.write(`xta-simulator: own answer violates XTA 2.1.1 XSD:\n${reasons}\n`);
  return xtaFault('XTAWSTechnicalProblemException', `Simulator-Antwort verletzt XSD:\n${reasons}`);
}
