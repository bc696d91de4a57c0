// Merges locale keys into locales/zh-CN.json and locales/en.json in one quick read-modify-write, so
// several people can add keys at once. Usage: node scripts/locale-merge.mjs fragment.json
// where fragment.json is { "zh-CN": { ...nested keys... }, "en": { ...same keys... } }.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fragment = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object' && !Array.isArray(target[key])) merge(target[key], value);
    else target[key] = value;
  }
  return target;
}

for (const locale of ['zh-CN', 'en']) {
  if (!fragment[locale]) throw new Error(`fragment lacks "${locale}"`);
  const file = join(root, 'locales', `${locale}.json`);
  const merged = merge(JSON.parse(readFileSync(file, 'utf8')), fragment[locale]);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(tmp, file);
}
console.log('locales merged');
