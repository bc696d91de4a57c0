// 我的进度: no questions; the action reads the person's registration, next contact, quota and open requests.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';

export const statusDialog: DialogDefinition = {
  id: 'status',
  title: 'status.title',
  finish: 'status.show',
  steps: [],
};
