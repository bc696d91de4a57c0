// The idempotency key of a registration's first-contact task (R1.3.1): person + kind + period, the period
// being the registration itself, so planning twice or on two instances creates the task once.

/** Idempotency key of a registration's first-contact task. */
export function firstContactKey(registrationId: string): string {
  return `first_contact:${registrationId}`;
}
