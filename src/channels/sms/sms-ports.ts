// What the SMS channel needs from storage, as ports (src/persistence implements them): the per-number send
// counter shared by every instance, the short links a notice carries, the phone on file, inbound de-duplication.

export type NumberReservation = { ok: true; id: string } | { ok: false; reason: 'min_gap' | 'per_hour' | 'per_day'; retryAt: Date };

/** The provider's per-number limits, counted in the database so two instances never both pass. */
export interface SmsNumberLimiter {
  /** Takes one send to `phone` at `now` if the limits allow it (atomic per number across instances). */
  reserve(phone: string, now: Date): Promise<NumberReservation>;
  /** Gives back a reservation whose message did not go out (the provider refused it). */
  release(reservationId: string): Promise<void>;
}

export type ShortLinkUse = { ok: true; jobSeekerId: string; linkId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Short links to web chat: random tokens, kept only as hashes, each opened once before it expires. */
export interface ShortLinkStore {
  /** A new link for this person; returns the token (shown once, in the SMS). */
  issue(jobSeekerId: string, now: Date, expiresAt: Date): Promise<{ token: string; linkId: string }>;
  /** Marks the token used if it is valid at `now` (only one caller wins). */
  use(token: string, now: Date): Promise<ShortLinkUse>;
  /** Whether the token is known, unused and unexpired, without using it (the confirm page). */
  peek(token: string, now: Date): Promise<ShortLinkUse>;
}

/** The phone numbers on file, decrypted only to send to them, and the reverse lookup an inbound SMS needs. */
export interface SmsPhoneBook {
  phoneOf(jobSeekerId: string): Promise<string | null>;
  /** The people with this number on file (keyed-hash lookup); usually one. */
  peopleWithPhone(phone: string): Promise<string[]>;
  /** A keyed hash of the number: the SMS conversation's id (a number never appears in a conversation key). */
  addressOf(phone: string): string;
  /** The person an SMS conversation (its address) is linked to, and their language. */
  personAt(address: string): Promise<{ jobSeekerId: string; locale: 'zh-CN' | 'en' } | null>;
}

/** Inbound SMS accepted once per provider message id. */
export interface SmsUplinkLog {
  /** False when this provider message id was already recorded (a provider retry). */
  accept(entry: { provider: string; providerMessageId: string; jobSeekerId: string | null; receivedAt: Date }): Promise<boolean>;
}
