import { attachments } from './attachments.js';
import { actor } from './actor.js';
import type { BuildingPermitApplication, MappingContext } from './building-permit-application.js';
import { buildingProject } from './building-project.js';
import { messageHead } from './message-head.js';
import { xbauReleases } from './xbau-releases.js';
import { element, renderXml } from '@hub/xoev';

/**
 * Maps a building-permit application to the XBau message `baugenehmigung.antrag.0200` of the
 * release the receiving authority accepts. Pure: same input and context, same bytes.
 */
export function toBaugenehmigungAntrag(
  application: BuildingPermitApplication,
  context: MappingContext,
): string {
  const release = xbauReleases[context.xbauVersion];
  // xbau:baugenehmigung.antrag.0200 @standard @version @produkt @produkthersteller @produktversion
  const message = element({
    $: {
      'xmlns:xbau': release.namespace,
      standard: 'XBau-Hochbau',
      version: release.version,
      produkt: context.product.name,
      produkthersteller: context.product.vendor,
      produktversion: context.product.version,
    },
    'nachrichtenkopf.g2g': messageHead(context, release, '0200'),
    // xbau:referenzAntragsservice/referenzAntragsservice
    'xbau:referenzAntragsservice': element({ referenzAntragsservice: application.applicationId }),
    // xbau:antragsteller (Akteur)
    'xbau:antragsteller': actor(application.applicant),
    'xbau:bauvorhaben': buildingProject(application),
    'xbau:anlagen': attachments(application.attachments, release),
  });
  return renderXml('xbau:baugenehmigung.antrag.0200', message);
}
