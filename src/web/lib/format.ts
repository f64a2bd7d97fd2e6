/** Display helpers for the UI: Vietnamese dates, money, empty values. */
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateVi, formatMoneyVi, formatNumberVi } from '../../shared/format-vi';
import { vietnamDay, vietnamTime } from './today';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** A stored instant (`2024-05-01T17:30:00.000Z`), as opposed to a calendar date (`2024-05-01`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * `26/06/2021`, or a dash for no date. A calendar date is shown as it is; a stored instant is
 * shown as its day in Vietnam (17:30 UTC on the 1st is already the 2nd in Hà Nội).
 */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  try {
    if (INSTANT.test(iso)) {
      const d = new Date(iso);
      if (!Number.isNaN(d.getTime())) return formatDateVi(vietnamDay(d));
    }
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
  return `${formatDateVi(vietnamDay(d))} ${vietnamTime(d)}`;
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
