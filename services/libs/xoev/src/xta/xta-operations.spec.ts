import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlObject } from '../xml/parse-xml.js';
import { xtaOperations } from './xta-operations.js';
import { xtaWsdlPath } from './xta-options.js';

/** operation name → soapAction, over every binding of the WSDL. */
async function actionsInWsdl(): Promise<Map<string, string>> {
  const wsdl = await parseXml(readFileSync(xtaWsdlPath, 'utf8'), {
    maxBytes: 1024 * 1024,
    maxDepth: 64,
  });
  const actions = new Map<string, string>();
  for (const binding of (wsdl.root.binding ?? []) as XmlObject[]) {
    for (const operation of (binding.operation ?? []) as XmlObject[]) {
      const name = (operation.$ as Record<string, string>).name;
      const [soapOperation] = (operation.operation ?? []) as XmlObject[];
      const action = (soapOperation?.$ as Record<string, string> | undefined)?.soapAction;
      if (name && action) actions.set(name, action);
    }
  }
  return actions;
}

describe('xtaOperations', () => {
  it('names each operation with the SOAP action the official WSDL binds it to', async () => {
    const wsdl = await actionsInWsdl();
    expect(wsdl.size).toBeGreaterThan(10);
    for (const [operation, action] of Object.entries(xtaOperations)) {
      expect({ operation, action }).toEqual({ operation, action: wsdl.get(operation) });
    }
  });
});
