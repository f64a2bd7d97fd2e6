import { customType } from 'drizzle-orm/pg-core';

/** Files are kept in the database (≤ 10 MB each), so one backup holds everything. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
