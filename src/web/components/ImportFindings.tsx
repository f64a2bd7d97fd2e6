/**
 * What an import read but changed, above the preview (and still after the import): the notices
 * about the whole file (text converted from TCVN3/VNI) and the warnings of each row (a CCCD that
 * lost its leading zeros, a rating that replaces a stored one), listed as "Dòng n: …" so the user
 * can find the row in the file. Errors stay in the table: they block the row, warnings do not.
 */
import { Alert, Typography } from 'antd';
import { fmtNumber } from '../lib/format';

/** Rows listed in full; the rest are counted (the table shows each row's warnings too). */
const LISTED_ROWS = 20;

export function ImportFindings({
  notices,
  rows,
  testId = 'import-findings',
}: {
  notices: readonly string[];
  rows: readonly { row: number; warnings: readonly string[] }[];
  testId?: string;
}) {
  const warned = rows.filter((r) => r.warnings.length > 0);
  const listed = warned.slice(0, LISTED_ROWS);
  const rest = warned.length - listed.length;
  return (
    <>
      {notices.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Hệ thống đã chuyển đổi dữ liệu của tệp"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
          data-testid={`${testId}-notices`}
        />
      ) : null}
      {warned.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${fmtNumber(warned.length)} dòng đã được đọc nhưng cần kiểm tra lại`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
              {listed.map((r) =>
                r.warnings.map((w, i) => (
                  <li key={`${r.row}-${i}`}>
                    <Typography.Text strong>Dòng {r.row}:</Typography.Text> {w}
                  </li>
                )),
              )}
              {rest > 0 ? <li>… và {fmtNumber(rest)} dòng khác (xem từng dòng trong bảng).</li> : null}
            </ul>
          }
          data-testid={`${testId}-warnings`}
        />
      ) : null}
    </>
  );
}
