// First-contact timeliness for the monthly report: the share of registrations whose first contact came on or
// before its working-day deadline (Z §四(一): 5 working days), and who was late (contacted late or not yet).
import { compareDates } from '../dates/plain-date.ts';

export interface FirstContactObligation {
  registrationId: string;
  registeredOn: string;
  /** The deadline as planned (the region pack's first-contact working days). */
  dueOn: string;
  /** The day of the first contact (a delivered task or a ledger entry), null while none. */
  contactedOn: string | null;
}

export interface FirstContactTimeliness<T extends FirstContactObligation> {
  /** Obligations whose deadline has come (later ones cannot be judged yet). */
  judged: number;
  onTime: number;
  /** onTime / judged, null when nothing could be judged. */
  share: number | null;
  late: (T & { lateReason: 'contacted_late' | 'not_contacted' })[];
}

/** Judges each obligation on `asOf` (a date in the service's time zone). Z §四(一) first contact within 5 working days. */
export function firstContactTimeliness<T extends FirstContactObligation>(items: readonly T[], asOf: string): FirstContactTimeliness<T> {
  let judged = 0;
  let onTime = 0;
  const late: FirstContactTimeliness<T>['late'] = [];
  for (const item of items) {
    const contactedInTime = item.contactedOn !== null && compareDates(item.contactedOn, item.dueOn) <= 0;
    if (contactedInTime) {
      judged += 1;
      onTime += 1;
    } else if (item.contactedOn !== null) {
      judged += 1;
      late.push({ ...item, lateReason: 'contacted_late' });
    } else if (compareDates(asOf, item.dueOn) > 0) {
      judged += 1;
      late.push({ ...item, lateReason: 'not_contacted' });
    }
  }
  return { judged, onTime, share: judged === 0 ? null : onTime / judged, late };
}
