import { registryUrl, type StackLayout } from './layout.js';
import { quickStartJvmFlags, tagProperty, type Part } from './part.js';

/** Apicurio Registry with in-memory storage; clients use its Confluent-compatible API. */
export function registryPart(layout: StackLayout): Part {
  const url = registryUrl(layout);
  return {
    name: 'schema-registry',
    ports: [layout.registryPort],
    address: url,
    command(artifacts, processTag) {
      return {
        command: 'java',
        args: [
          '-Xmx512m',
          ...quickStartJvmFlags,
          tagProperty(processTag),
          `-Dquarkus.http.port=${layout.registryPort}`,
          '-Dquarkus.http.host=127.0.0.1',
          // Local stacks and tests remove subjects they created; production registries decide for themselves.
          '-Dapicurio.rest.deletion.artifact.enabled=true',
          '-Dapicurio.rest.deletion.artifact-version.enabled=true',
          '-Dapicurio.rest.deletion.group.enabled=true',
          '-jar',
          artifacts.registryJar,
        ],
      };
    },
    async isReady() {
      const response = await fetch(`${url}/subjects`).catch(() => undefined);
      return response?.ok ?? false;
    },
  };
}
