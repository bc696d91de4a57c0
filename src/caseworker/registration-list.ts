// The console's port for listing registrations: rows of the caller's districts only, ID and phone masked.
import type { AccessScope } from './region-scope.ts';
import type { RegistrationListItem } from '../conversation/registration-intake.ts';

export type { RegistrationListItem } from '../conversation/registration-intake.ts';

export interface RegistrationList {
  listInScope(scope: AccessScope): Promise<RegistrationListItem[]>;
}
