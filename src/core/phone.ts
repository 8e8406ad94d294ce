/**
 * Phone and fax numbers: shown as the editor wrote them, linked in E.164. Parsing and validity
 * come from libphonenumber-js with full metadata, for the site's country.
 */
import { parsePhoneNumberFromString, isSupportedCountry, Metadata, type CountryCode } from 'libphonenumber-js/max';

/** Numbers that are valid as they are: police, fire and rescue, authorities, on-call doctors. */
export const shortCodes = ['110', '112', '115', '116117'] as const;

export type PhoneResult =
  | { ok: true; tel: string }
  | { ok: false; reason: 'characters' | 'noAreaCode' | 'invalid' };

/** What may stand between the digits of a written number: space, no-break space, `/ ( ) . – -`. */
export const PHONE_SEPARATORS = ' \u00a0/().\u2013-';
const separator = `[${PHONE_SEPARATORS}]`;

/** Characters a written number may contain: digits, the separators and a leading `+`. */
const allowedCharacters = new RegExp(`^\\+?[0-9(][0-9${PHONE_SEPARATORS}]*$`);

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

/** The parts of libphonenumber's numbering plan the pattern is made from (its typings omit them). */
interface Plan {
  callingCode(): string;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** The kinds of number `isValid()` accepts (libphonenumber's `getNumberType`). */
const numberTypes = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

/** `\d{3,5}` → `(?:S*\d){3,5}`: every digit of libphonenumber's pattern may follow separators. */
function withSeparators(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === '(') {
      if (pattern.startsWith('(?:', i)) i += 3;
      else if (pattern[i + 1] === '?') throw new Error(`phone pattern: unsupported group in ${pattern}`);
      else i += 1;
      out += '(?:';
    } else if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+') {
      out += c;
      i += 1;
    } else if (c === '{') {
      const end = pattern.indexOf('}', i);
      out += pattern.slice(i, end + 1);
      i = end + 1;
    } else {
      // One digit: a literal, `\d` or a class.
      const end = c === '[' ? pattern.indexOf(']', i) + 1 : c === '\\' ? i + 2 : i + 1;
      const atom = pattern.slice(i, end);
      if (!/^(?:[0-9]|\\d|\[[0-9-]+\])$/.test(atom)) throw new Error(`phone pattern: unsupported ${atom} in ${pattern}`);
      out += `(?:${separator}*${atom})`;
      i = end;
    }
  }
  return out;
}

/** Exactly `lengths` digits to the end, separators anywhere. */
const digitCount = (lengths: readonly number[]) => `(?=(?:${separator}*\\d){${lengths.join('}|(?:' + separator + '*\\d){')}}${separator}*$)`;

/**
 * The numbers `parsePhone` accepts for `country`, as one regular expression for the web editor,
 * made from the same libphonenumber metadata: a short code (`110`, `112`, `115`, `116117`), or a
 * national number with the trunk prefix (`02921 103-2127`, `(02921) 1032127`), or the same with
 * the country code (`+49 2921 1032127`), separators as `parsePhone` allows them. It is a safe
 * subset: a number of another country (`+31 …`), a short code with spaces, or `0049 …` are
 * refused here although check would take them (tests/unit/editor/phone-pattern.test.ts).
 */
export function phonePattern(country: CountryCode): string {
  const meta = new Metadata();
  meta.selectNumberingPlan(country);
  const plan = meta.numberingPlan as unknown as Plan;
  const general = `(?=${withSeparators(plan.nationalNumberPattern())}${separator}*$)`;
  const kinds = numberTypes.flatMap((name) => {
    const type = plan.type(name);
    if (!type || !type.pattern()) return [];
    const lengths = type.possibleLengths() ?? plan.possibleLengths();
    return [`${digitCount(lengths)}${withSeparators(type.pattern())}`];
  });
  const national = `${general}(?:${kinds.join('|')})${separator}*$`;
  // Only where the trunk prefix is a plain 0 that parsing strips as it is (Germany, Austria, …).
  const trunk = plan.nationalPrefix() === '0' && (plan.nationalPrefixForParsing() ?? '0') === '0' && !plan.nationalPrefixTransformRule();
  const international = `\\+${plan.callingCode()}${national}`;
  const alternatives = [`(?:${shortCodes.join('|')})$`, international, ...(trunk ? [`\\(?0${national}`] : [])];
  return `^(?:${alternatives.join('|')})`;
}
