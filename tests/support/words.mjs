// What the recorder says, read from its translation files (widget/locales).
import { readFileSync } from 'node:fs';

/** The text of `key` in the `lang` translation file (a plain `key = value` line). */
export function word(lang, key) {
  const source = readFileSync(new URL(`../../widget/locales/${lang}.ftl`, import.meta.url), 'utf8');
  return new RegExp(`^${key} = (.*)$`, 'm').exec(source)[1];
}
