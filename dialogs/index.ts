// Every dialog the engine can run, by id.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';
import { registrationDialog } from './registration.dialog.ts';
import { hardshipDialog } from './hardship.dialog.ts';
import { statusDialog } from './status.dialog.ts';
import { followUpDialog } from './follow-up.dialog.ts';
import { identityLinkDialog } from './identity-link.dialog.ts';
import { contactChannelDialog } from './contact-channel.dialog.ts';
import { withdrawConsentDialog } from './withdraw-consent.dialog.ts';
import { restoreConsentDialog } from './restore-consent.dialog.ts';

export const DIALOGS: Readonly<Record<string, DialogDefinition>> = {
  [registrationDialog.id]: registrationDialog,
  [hardshipDialog.id]: hardshipDialog,
  [statusDialog.id]: statusDialog,
  [followUpDialog.id]: followUpDialog,
  [identityLinkDialog.id]: identityLinkDialog,
  [contactChannelDialog.id]: contactChannelDialog,
  [withdrawConsentDialog.id]: withdrawConsentDialog,
  [restoreConsentDialog.id]: restoreConsentDialog,
};
