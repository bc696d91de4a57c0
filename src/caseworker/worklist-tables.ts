// Today's work lists as tables: which columns each list has, and its codes in words (kinds, categories).
import type { WorklistName, WorklistRow, Worklists } from './today-worklists.ts';
import type { Cell, ReportTable } from './report-table.ts';
import { beijingDateTime, type ReportWording } from './report-wording.ts';

const PERSON = ['name', 'idNumber', 'phone', 'regionCode'] as const;

export const WORKLIST_COLUMNS: Record<WorklistName, readonly string[]> = {
  firstContacts: [...PERSON, 'registeredOn', 'dueOn', 'workingDaysLeft', 'overdue', 'provisional'],
  reviews: [...PERSON, 'kind', 'registeredOn', 'dueOn', 'workingDaysLeft', 'overdue'],
  overdueCases: [...PERSON, 'reason', 'status', 'claimed', 'openedAt', 'dueBy'],
  hardship: [...PERSON, 'categories', 'status', 'claimed', 'openedAt', 'dueBy', 'overdue'],
  quotaBehind: [...PERSON, 'registeredOn', 'behindKinds', 'missing', 'weeksLeft', 'yearEnd'],
};

function wordsFor(row: WorklistRow, key: string, w: ReportWording): Cell {
  const value = row[key] ?? null;
  switch (key) {
    case 'overdue': case 'provisional': case 'claimed':
      return w.yesNo(value === true);
    case 'kind':
      return w.word('consoleReports.values.registrationKinds', typeof value === 'string' ? value : null);
    case 'status':
      return w.word('consoleReports.values.caseStatuses', typeof value === 'string' ? value : null);
    case 'reason':
      return w.handoffReason(typeof value === 'string' ? value : '');
    case 'categories':
      return w.words('hardship.categories', typeof value === 'string' ? value : '');
    case 'behindKinds':
      return w.words('status.quotaKinds', typeof value === 'string' ? value : '');
    case 'openedAt':
      return typeof value === 'string' ? beijingDateTime(value) : value;
    case 'dueBy':
      // Due by the end of a Beijing day: show that day, not the next midnight.
      return typeof value === 'string' ? beijingDateTime(new Date(Date.parse(value) - 1)).slice(0, 10) : value;
    default:
      return value;
  }
}

export function worklistTable(name: WorklistName, lists: Worklists, w: ReportWording, notes: string[]): ReportTable {
  const keys = WORKLIST_COLUMNS[name];
  return {
    title: w.title('lists', name),
    columns: w.columns(keys),
    rows: lists[name].map((row) => ({ id: row.id, personId: row.personId, ...Object.fromEntries(keys.map((k) => [k, wordsFor(row, k, w)])) })),
    notes,
  };
}
