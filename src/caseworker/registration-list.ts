// The console's port for listing registrations: rows of the caller's districts only, ID and phone masked.
import type { AccessScope } from './region-scope.ts';

export interface RegistrationListItem {
  id: string;
  status: string;
  reason: string;
  registeredAt: string;
  regionCode: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  birthDate: string | null;
  sex: string | null;
}

export interface RegistrationList {
  listInScope(scope: AccessScope): Promise<RegistrationListItem[]>;
}
