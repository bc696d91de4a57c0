// Recognises Prisma's known errors without importing its error classes from two generated clients.

/** True when an insert hit a unique index (Prisma P2002): a duplicate, or another instance got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'P2002';
}
