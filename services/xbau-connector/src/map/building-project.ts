import type { BuildingPermitApplication, Parcel } from './building-permit-application.js';
import { actor, address } from './actor.js';
import { codeLists } from './xbau-releases.js';
import { code, element, type XmlNode } from '@hub/xoev';

const x = (name: string): string => `xbau:${name}`;

/**
 * xbau:bauvorhaben
 *   xbau:bezeichnungDesBauvorhabens
 *   xbau:beteiligte/{xbau:bauherr/xbau:bauherr (Akteur), xbau:gebuehrenpflichtiger (Akteur)}
 *   xbau:gegenstand/{xbau:anzahlDerGebaeude/xbau:anzahlDerGebaeudeImBauvorhaben,
 *                    xbau:artDerMassnahme/code}
 *   xbau:verortung/xbau:baugrundstueck/xbau:grundstueck/
 *     {xbau:anschrift/{strasse, hausnummer, postleitzahl, ort, xbau:gemeindeschluessel/code},
 *      xbau:flurstueck}
 *   xbau:weitereAngaben
 */
export function buildingProject(application: BuildingPermitApplication): XmlNode {
  const { applicant, project, buildingSite } = application;
  return element({
    [x('bezeichnungDesBauvorhabens')]: project.title,
    [x('beteiligte')]: element({
      [x('bauherr')]: element({ [x('bauherr')]: actor(applicant) }),
      // The portal's applicant is the building owner and pays the fees.
      [x('gebuehrenpflichtiger')]: actor(applicant),
    }),
    [x('gegenstand')]: element({
      [x('anzahlDerGebaeude')]: element({
        [x('anzahlDerGebaeudeImBauvorhaben')]: String(project.numberOfBuildings),
      }),
      [x('artDerMassnahme')]: code(project.measureCode),
    }),
    [x('verortung')]: element({
      [x('baugrundstueck')]: element({
        [x('grundstueck')]: element({
          [x('anschrift')]:
            buildingSite.address === undefined
              ? undefined
              : element({
                  ...address(buildingSite.address),
                  [x('gemeindeschluessel')]: code(application.municipalityKey, codeLists.ags),
                }),
          [x('flurstueck')]: buildingSite.parcels.map((parcel) =>
            cadastralParcel(application.stateKey, parcel),
          ),
        }),
      }),
    }),
    [x('weitereAngaben')]: project.description,
  });
}

/**
 * xbauk:Flurstueckskennzeichen (unqualified):
 *   bundesland/code, kodierungFlurstueck/{gemarkung/nummer, flur, zaehler, nenner}
 */
function cadastralParcel(stateKey: string, parcel: Parcel): XmlNode {
  return element({
    bundesland: code(stateKey, codeLists.bundesland),
    kodierungFlurstueck: element({
      gemarkung: element({ nummer: parcel.districtNumber }),
      flur: parcel.field,
      zaehler: parcel.numerator,
      nenner: parcel.denominator,
    }),
  });
}
