/** The published roster as the verification page's JSON and the list page read it (./officers.ts). */
import type { Officer } from '../schema/index.ts';
import { ROSTER_VERSION, type RosterDocument, type RosterEntry } from './officers.ts';

export function rosterEntry(o: Officer): RosterEntry {
  return {
    name: o.name,
    certificateNo: o.certificateNo,
    enforcementCategory: o.enforcementCategory,
    unit: o.unit,
    district: o.district,
    validFrom: o.validFrom,
    validUntil: o.validUntil,
    state: o.credential.state,
    ...(o.credential.state !== '有效' ? { stateDate: o.credential.date, stateReason: o.credential.reason } : {}),
    ...(o.sample ? { sample: true } : {}),
  };
}

export const rosterDocument = (officers: readonly Officer[], built: string): RosterDocument => ({ v: ROSTER_VERSION, built, officers: officers.map(rosterEntry) });
