import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { XmlDocument, XmlElement, xmlRegisterInputProvider } from 'libxml2-wasm';

/** Remote schema address → local copy, from every catalog registered so far. */
const localCopies = new Map<string, string>();
let registered = false;

/**
 * Makes libxml2 read the local copies an OASIS XML catalog names (`system` and `uri` entries)
 * instead of fetching `http(s)://` schema locations: XWasser imports the XÖV base schemas by their
 * published addresses, and validation must work offline. Unknown remote addresses are not
 * matched, so libxml2 fails on them instead of going to the network.
 */
export function registerXmlCatalog(catalogFile: string): void {
  const catalog = XmlDocument.fromBuffer(readFileSync(catalogFile));
  try {
    const ns = { c: 'urn:oasis:names:tc:entity:xmlns:xml:catalog' };
    for (const entry of catalog.find('//c:system | //c:uri', ns)) {
      if (!(entry instanceof XmlElement)) continue;
      const remote = entry.attr('systemId')?.value ?? entry.attr('name')?.value;
      const local = entry.attr('uri')?.value;
      if (remote && local) localCopies.set(remote, resolve(dirname(catalogFile), local));
    }
  } finally {
    catalog.dispose();
  }
  if (registered) return;
  registered = true;
  xmlRegisterInputProvider({
    match: (address) => localCopies.has(address),
    open(address) {
      const path = localCopies.get(address);
      return path === undefined ? undefined : openSync(path, 'r');
    },
    read: (fd, buffer) => readSync(fd, buffer),
    close(fd) {
      closeSync(fd);
      return true;
    },
  });
}
