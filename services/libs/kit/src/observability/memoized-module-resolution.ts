import Module from 'node:module';

type ResolveFilename = (
  request: string,
  parent: { readonly filename?: string | null } | undefined,
  isMain?: boolean,
  options?: unknown,
) => string;

const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
let installed = false;

/**
 * Remembers where a `require(request)` from a given file resolved to.
 *
 * Why: OpenTelemetry's require hook (require-in-the-middle, installed for the kafkajs and HTTP
 * instrumentations) resolves the file name of every non-core `require` to see whether it is a
 * module to patch, and kafkajs `require`s its protocol encoder on every request it sends. Node
 * itself caches that resolution per parent and request; the hook's own call does not, and under
 * tsx each resolution also builds a source-mapped stack trace. Together that was 12–16 % of a
 * busy service's CPU (case router, gateway, postbox and example connectors; issue 17).
 *
 * The cache is keyed like Node's own (the requiring file and the request, and the number of
 * arguments, which tsx reads) and only for plain calls: a main module, explicit `paths` options or a resolution that throws are not remembered.
 * A running service does not expect a module's location to move, as Node's cache does not.
 */
export function memoizeModuleResolution(): void {
  if (installed) return;
  installed = true;
  const resolve = moduleInternals._resolveFilename;
  const resolved = new Map<string, string>();
  moduleInternals._resolveFilename = function memoizedResolveFilename(
    this: unknown,
    ...args: Parameters<ResolveFilename>
  ) {
    // The arguments go on exactly as they came: resolvers further down (tsx) read their count.
    const [request, parent, isMain, options] = args;
    const from = parent?.filename;
    if (isMain === true || options !== undefined || typeof from !== 'string')
      return resolve.apply(this, args);
    const key = `${args.length}\u0000${from}\u0000${request}`;
    let filename = resolved.get(key);
    if (filename === undefined) {
      filename = resolve.apply(this, args);
      resolved.set(key, filename);
    }
    return filename;
  };
}
