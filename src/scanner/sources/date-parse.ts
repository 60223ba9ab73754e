/**
 * Dates as inventory exports write them, turned into ISO 8601 instants. Exports rarely say
 * which zone they mean: a date without a zone is taken as UTC (crt.sh documents UTC; AD CS writes
 * the exporting server's local time, which is at most a day off and acceptable for expiry
 * counting). Anything else is refused with a reason rather than guessed.
 */
export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// 2024-03-01, 2024-03-01T12:00:00, 2024-03-01 12:00:00.123, with an optional Z or ±hh:mm.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 1/15/2025 10:00 AM, 1/15/2025 10:00:05 PM, 1/15/2025 (AD CS, US order).
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
// Jan 15 10:00:00 2025 GMT (OpenSSL).
const OPENSSL = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+(GMT|UTC))?$/;

export function parseExportDate(text: string): DateResult {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'the date is empty' };
  let match = ISO.exec(value);
  if (match) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
    const millis = Number(fraction.padEnd(3, '0').slice(0, 3) || '0');
    return build(value, Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), millis, zone);
  }
  match = US.exec(value);
  if (match) {
    const [, mo, d, y, h = '0', mi = '0', s = '0', meridiem] = match;
    let hour = Number(h);
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return { ok: false, reason: `"${value}" has hour ${hour} with ${meridiem}` };
      if (meridiem.toUpperCase() === 'PM' && hour !== 12) hour += 12;
      if (meridiem.toUpperCase() === 'AM' && hour === 12) hour = 0;
    }
    return build(value, Number(y), Number(mo), Number(d), hour, Number(mi), Number(s), 0, undefined);
  }
  match = OPENSSL.exec(value);
  if (match) {
    const [, mon = '', d, h, mi, s, y] = match;
    const month = MONTHS[mon.toLowerCase()];
    if (month === undefined) return { ok: false, reason: `"${value}" has an unknown month` };
    return build(value, Number(y), month, Number(d), Number(h), Number(mi), Number(s), 0, undefined);
  }
  return {
    ok: false,
    reason: `"${truncate(value)}" is not a date in a known form (2025-01-15T10:00:00Z, 1/15/2025 10:00 AM, Jan 15 10:00:00 2025 GMT)`,
  };
}

function build(
  text: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  zone: string | undefined,
): DateResult {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, reason: `"${truncate(text)}" is not a valid calendar date and time` };
  }
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { ok: true, iso: new Date(utc - offsetMinutes * 60_000).toISOString() };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
