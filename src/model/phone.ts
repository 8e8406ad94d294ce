/**
 * Phone and fax numbers: shown as the editor wrote them, linked in E.164. Parsing and validity
 * come from libphonenumber-js with full metadata, for the site's country.
 */
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/** Numbers that are valid as they are: police, fire and rescue, authorities, on-call doctors. */
export const shortCodes = ['110', '112', '115', '116117'] as const;

export type PhoneResult =
  | { ok: true; tel: string }
  | { ok: false; reason: 'characters' | 'noAreaCode' | 'invalid' };

/** Characters a written number may contain: digits, spaces, `/ - ( ) .` and a leading `+`. */
const allowedCharacters = /^\+?[0-9(][0-9 \u00a0/().\u2013-]*$/;

export function isCountry(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/**
 * `02921 / 103-2127` → `tel:+4929211032127`. The digits after the dash are the extension,
 * part of the dialled number in Germany, so they are merged into it.
 */
export function parsePhone(written: string, country: CountryCode): PhoneResult {
  const value = written.trim();
  const digits = value.replace(/[^0-9+]/g, '');
  if ((shortCodes as readonly string[]).includes(digits)) return { ok: true, tel: `tel:${digits}` };
  // Text without a digit is no number at all ("siehe unten"), not a number with extra text.
  if (!/[0-9]/.test(value)) return { ok: false, reason: 'invalid' };
  if (!allowedCharacters.test(value)) return { ok: false, reason: 'characters' };
  // Without a leading 0 (trunk prefix) or + a number has no area code: "103-2342".
  if (!digits.startsWith('+') && !digits.startsWith('0')) return { ok: false, reason: 'noAreaCode' };
  const number = parsePhoneNumberFromString(value, country);
  if (!number || !number.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, tel: `tel:${number.number}` };
}
