/**
 * Keys are `/`-separated segments of [A-Za-z0-9_.-] that start with a letter or digit: no `..`, no absolute
 * paths, no hidden files (temporary upload files start with a dot, so they can never be addressed by a key).
 */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,127}){0,7}$/;

export function isValidMediaKey(key: string): boolean {
  return key.length <= 512 && KEY_PATTERN.test(key) && !key.includes('..');
}
