import { describe, expect, it } from 'vitest';
import { guardXmlInput } from './guard-xml-input.js';
import type { XmlLimits } from './xml-limits.js';
import { parseXml } from './parse-xml.js';

const limits = { maxBytes: 2_000, maxDepth: 8 };

function codeOf(xml: string, limits: XmlLimits): unknown {
  try {
    guardXmlInput(xml, limits);
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
}

describe('guardXmlInput', () => {
  it('accepts an ordinary message', () => {
    expect(codeOf('<a x="1>2"><b/><!-- <c> --><![CDATA[<d>]]></a>', limits)).toBe(undefined);
  });

  it('refuses external entities (XXE)', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    expect(codeOf(xxe, limits)).toBe('XML_DTD_FORBIDDEN');
  });

  it('refuses entity expansion bombs (billion laughs)', () => {
    const bomb = '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>';
    expect(codeOf(bomb, limits)).toBe('XML_DTD_FORBIDDEN');
  });

  it('refuses documents above the size limit', () => {
    expect(codeOf(`<a>${'x'.repeat(2_001)}</a>`, limits)).toBe('XML_TOO_LARGE');
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'<a>'.repeat(9)}${'</a>'.repeat(9)}`;
    expect(codeOf(deep, limits)).toBe('XML_TOO_DEEP');
    const justDeepEnough = `${'<a>'.repeat(8)}<b/>${'</a>'.repeat(8)}`;
    expect(codeOf(justDeepEnough, { ...limits, maxDepth: 9 })).toBe(undefined);
  });
});

describe('parseXml', () => {
  it('gives children by local name and keeps them as arrays', async () => {
    const parsed = await parseXml(
      '<x:root xmlns:x="urn:x"><x:item>1</x:item><x:item>2</x:item></x:root>',
      limits,
    );
    expect(parsed.rootName).toBe('root');
    expect(parsed.root.item).toEqual(['1', '2']);
  });

  it('reports malformed XML as a fatal HubError', async () => {
    await expect(parseXml('<a><b></a>', limits)).rejects.toMatchObject({
      code: 'XML_MALFORMED',
      retryable: false,
    });
  });
});
