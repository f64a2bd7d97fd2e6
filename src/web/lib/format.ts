/** Display helpers for the UI: Vietnamese dates, money, empty values. */
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateVi, formatMoneyVi, formatNumberVi } from '../../shared/format-vi';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** `26/06/2021`, or a dash for no date. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  try {
    return formatDateVi(iso);
  } catch {
    return iso;
  }
}

/** `26/06/2021 14:05` in Vietnam time, for timestamps. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Vietnam is UTC+7 without DST.
  const v = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export const fmtMoney = (v: number): string => formatMoneyVi(v);
export const fmtNumber = (v: number): string => formatNumberVi(v);

/** A dayjs value from an ISO date (for DatePicker), or undefined. */
export function toDayjs(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso) : undefined;
}

/** yyyy-mm-dd for the API, or null. */
export function fromDayjs(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** Empty strings become null (optional API fields). */
export function blankToNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}
