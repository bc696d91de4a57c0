// A person's id as the console's routes accept it: a UUID, or a seeded demo person's `demo-0000001`. The shape
// proves nothing; every query is scoped to the caseworker's districts, and another district's person is a 404.
import { z } from 'zod';

export const PersonId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
