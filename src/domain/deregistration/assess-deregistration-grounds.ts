// Which deregistration grounds (注销失业登记情形, R1.9) the recorded facts point to. This only informs a
// caseworker: the engine never deregisters, and no function here or elsewhere changes a registration status.
import type { RegionPack } from '../regions/region-pack.ts';
import type { DeregistrationFacts, DeregistrationGround, DeregistrationGroundCode } from './deregistration-ground.ts';

export type GroundStatus = 'applies' | 'does_not_apply' | 'unknown';

export interface GroundFinding {
  code: DeregistrationGroundCode;
  status: GroundStatus;
  source: string;
  requiresCaseworkerConfirmation: true;
  forbiddenAsSoleGround: boolean;
  notifyPerson: boolean;
}

export type DeregistrationOutcome =
  /** No ground applies. */
  | 'no_ground'
  /** At least one ground that may stand alone applies: hand to a caseworker to confirm. */
  | 'refer_to_caseworker'
  /** Only grounds that must never be the sole reason apply (W 二(三)1): keep serving the person. */
  | 'sole_ground_forbidden';

export interface DeregistrationAssessment {
  region: string;
  outcome: DeregistrationOutcome;
  /** Grounds that apply, in pack order. */
  grounds: GroundFinding[];
  /** Grounds whose facts are not recorded yet. */
  undetermined: DeregistrationGroundCode[];
}

function statusOf(ground: DeregistrationGround, facts: DeregistrationFacts): GroundStatus {
  const t = ground.trigger;
  switch (t.kind) {
    case 'fact':
      if (t.anyOf.some((f) => facts[f] === true)) return 'applies';
      return t.anyOf.every((f) => facts[f] === false) ? 'does_not_apply' : 'unknown';
    case 'count': {
      const n = facts[t.fact];
      if (n === undefined) return 'unknown';
      return n >= t.atLeast ? 'applies' : 'does_not_apply';
    }
    case 'income': {
      const income = facts.stableMonthlyIncome;
      const threshold = facts[t.threshold];
      if (income === undefined || threshold === undefined) return 'unknown';
      return income >= threshold ? 'applies' : 'does_not_apply';
    }
  }
}

/**
 * Lists the grounds of `pack` that the recorded facts meet (Z §二(一) 11 grounds; W 二(三)1; national art. 66).
 * Every finding requires caseworker confirmation. Where the pack forbids a ground as the sole reason (W: 3
 * refusals, 6 months without contact), and only such grounds apply, the outcome is `sole_ground_forbidden`.
 * @productDecision BOT_NEVER_DEREGISTERS
 */
export function assessDeregistrationGrounds(pack: RegionPack, facts: DeregistrationFacts): DeregistrationAssessment {
  const findings = pack.deregistration.grounds.map((g): GroundFinding => ({
    code: g.code,
    status: statusOf(g, facts),
    source: g.clause,
    requiresCaseworkerConfirmation: true,
    forbiddenAsSoleGround: g.forbiddenAsSoleGround,
    notifyPerson: g.notifyPerson,
  }));
  const grounds = findings.filter((f) => f.status === 'applies');
  const undetermined = [...new Set(findings.filter((f) => f.status === 'unknown').map((f) => f.code))];
  const outcome: DeregistrationOutcome =
    grounds.length === 0 ? 'no_ground' : grounds.every((g) => g.forbiddenAsSoleGround) ? 'sole_ground_forbidden' : 'refer_to_caseworker';
  return { region: pack.code, outcome, grounds, undetermined: undetermined.filter((c) => !grounds.some((g) => g.code === c)) };
}
