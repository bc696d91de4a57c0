// Every dialog the engine can run, by id.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';
import { registrationDialog } from './registration.dialog.ts';

export const DIALOGS: Readonly<Record<string, DialogDefinition>> = {
  [registrationDialog.id]: registrationDialog,
};
