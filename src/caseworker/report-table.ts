// A table as the console shows and exports it: a title, columns (key and header in the reader's language)
// and rows of plain values. Work lists and reports both end as one, so CSV and XLSX share one writer.

export type Cell = string | number | boolean | null;

export interface ReportTable {
  /** Sheet title and file name stem (no path characters). */
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, Cell>[];
  /** Lines printed above the header in the files (period, office, how a figure is computed). */
  notes?: string[];
}
