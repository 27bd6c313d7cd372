import { randomUUID } from 'node:crypto';
import {
  devAuthorPublicKey,
  devDestination,
  devDestinationFiles,
  registerDevDestination,
  sendSubmission,
  startFitConnectSimulator,
  startPostboxSimulator,
  startServiceProcess,
  type FitConnectSimulator,
  type PostboxSimulator,
  type ServiceProcess,
} from '@hub/test-support';

/** The schema the EfA building-permit service names in its metadata (pinned by the receiver). */
const efaSchemaUri = 'urn:de:fim:s17000xxx:efa-bauantrag:1.0.0';

/**
 * The EfA door of the hub as `npm start` runs it: the FIT-Connect simulator with the development
 * destination, the citizen's postbox simulator, and the FIT-Connect receiver and postbox
 * connector each in its own process. Started only by the files that ask for it.
 */
export async function startEfaChannel(
  names: { readonly receiver: string; readonly postbox: string },
  common: Record<string, string>,
) {
  const fitConnect: FitConnectSimulator = await startFitConnectSimulator();
  const postbox: PostboxSimulator = await startPostboxSimulator({
    port: 0,
    authorKey: devAuthorPublicKey(),
  });
  const dev = devDestination();
  const processes: ServiceProcess[] = await Promise.all([
    startServiceProcess(
      'fit-connect-receiver',
      {
        ...common,
        SERVICE_NAME: names.receiver,
        FIT_CONNECT_API_URL: fitConnect.url,
        FIT_CONNECT_TOKEN_URL: `${fitConnect.url}/token`,
        FIT_CONNECT_DESTINATION_ID: dev.destinationId,
        FIT_CONNECT_CLIENT_ID: dev.subscriber.clientId,
        FIT_CONNECT_CLIENT_SECRET: dev.subscriber.clientSecret,
        CALLBACK_SECRET: dev.callbackSecret,
        DECRYPTION_KEY_FILE: devDestinationFiles.decryptionKey,
        SIGNING_KEY_FILE: devDestinationFiles.signingKey,
      },
      /started/,
    ),
    startServiceProcess(
      'postbox-connector',
      { ...common, SERVICE_NAME: names.postbox, POSTBOX_URL: `${postbox.url}/` },
      /started/,
    ),
  ]);
  const receiverUrl = String(
    processes[0]?.logs.find((entry) => typeof entry.url === 'string')?.url,
  );
  // The destination's callback points at the receiver, which picked its port only now.
  registerDevDestination(fitConnect, `${receiverUrl}/callbacks/fit-connect`);

  return {
    fitConnect,
    postbox,
    processes,
    /**
     * Sends an EfA building-permit submission for `municipalityKey` to the city's destination, as
     * the online service does, for the citizen's postbox `mailbox`.
     */
    send(municipalityKey: string, mailbox: string) {
      return sendSubmission(fitConnect.url, dev.sender, {
        destinationId: dev.destinationId,
        leikaKey: '99010003001000',
        serviceName: 'Bauantrag',
        schemaUri: efaSchemaUri,
        data: {
          antragsteller: {
            vorname: 'Erika',
            familienname: 'Mustermann',
            anschrift: {
              strasse: 'Domkloster',
              hausnummer: '4',
              postleitzahl: '50667',
              ort: 'Köln',
            },
          },
          postfachReferenz: mailbox,
          gemeindeschluessel: municipalityKey,
          bauvorhaben: { bezeichnung: 'Errichtung eines Carports', massnahme: '10' },
          baugrundstueck: { gemarkung: 'Altstadt-Nord', flurstueckZaehler: '123' },
        },
        attachments: [
          {
            filename: 'lageplan.png',
            mimeType: 'image/png',
            content: new TextEncoder().encode(`PNG bytes of a site plan ${randomUUID()}`),
          },
        ],
      });
    },
    async stop(): Promise<void> {
      await Promise.all(processes.map((service) => service.stop()));
      await Promise.all([fitConnect.stop(), postbox.stop()]);
    },
  };
}

export type EfaChannel = Awaited<ReturnType<typeof startEfaChannel>>;
