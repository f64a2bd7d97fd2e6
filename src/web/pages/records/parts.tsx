/** Shared pieces of the records and rule pages: ✓/✗/? marks, reasons with articles, eligibility tables. */
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { HonorResult, Money, Reason } from '../../api/records';
import { fmtMoney } from '../../lib/format';

export const UNVERIFIED_TAG = (
  <Tooltip title="Quy định này chưa được đối chiếu, kiểm chứng với văn bản gốc (UNVERIFIED). Hãy kiểm tra trước khi dùng.">
    <Tag color="orange" data-testid="unverified-tag">
      Chưa kiểm chứng
    </Tag>
  </Tooltip>
);

export function Mark({ ok }: { ok: boolean | null }) {
  if (ok === true) return <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="Đạt" />;
  if (ok === false) return <CloseCircleFilled style={{ color: '#cf1322' }} aria-label="Chưa đạt" />;
  return <QuestionCircleFilled style={{ color: '#d48806' }} aria-label="Thiếu dữ liệu" />;
}

export function StatusTag({ eligible }: { eligible: boolean | null }) {
  if (eligible === true) return <Tag color="success">✓ Đủ điều kiện</Tag>;
  if (eligible === false) return <Tag color="error">✗ Chưa đủ</Tag>;
  return <Tag color="warning">? Thiếu dữ liệu</Tag>;
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  return (
    <Flex vertical gap={6} data-testid="reasons">
      {reasons.map((r) => (
        <Flex key={r.rule} gap={8} align="flex-start">
          <span style={{ paddingTop: 2 }}>
            <Mark ok={r.ok} />
          </span>
          <div style={{ minWidth: 0 }}>
            <span>{r.text}</span>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({r.article})
            </Typography.Text>{' '}
            {r.verified ? null : UNVERIFIED_TAG}
          </div>
        </Flex>
      ))}
    </Flex>
  );
}

export function moneyText(m: Money | null): string {
  if (!m) return '—';
  return `${m.coefficient.toLocaleString('vi-VN')} × ${fmtMoney(m.baseSalary)} = ${fmtMoney(m.amount)}`;
}

/** Every honor with its verdict; the reasons open under each row. */
export function EligibilityTable({ results }: { results: HonorResult[] }) {
  return (
    <Table<HonorResult>
      rowKey="honor"
      size="small"
      pagination={false}
      dataSource={results}
      data-testid="eligibility-table"
      // A phone scrolls the table, not the page.
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (r) => <ReasonList reasons={r.reasons} />,
        defaultExpandedRowKeys: results.filter((r) => r.eligible === true).map((r) => r.honor),
      }}
      columns={[
        {
          title: 'Danh hiệu, hình thức',
          dataIndex: 'label',
          render: (v: string, r) => (
            <span>
              {v} {r.reasons.some((x) => !x.verified) ? UNVERIFIED_TAG : null}
            </span>
          ),
        },
        { title: 'Kết quả', dataIndex: 'eligible', width: 160, render: (v: boolean | null) => <StatusTag eligible={v} /> },
        {
          title: 'Tiêu chí',
          width: 120,
          render: (_: unknown, r) => (
            <Flex gap={4}>
              {r.reasons.map((x) => (
                <Tooltip key={x.rule} title={x.text}>
                  <span>
                    <Mark ok={x.ok} />
                  </span>
                </Tooltip>
              ))}
            </Flex>
          ),
        },
        { title: 'Tiền thưởng (hệ số × lương cơ sở)', dataIndex: 'money', width: 280, render: (m: Money | null) => moneyText(m) },
      ]}
    />
  );
}
