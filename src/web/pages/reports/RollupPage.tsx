/**
 * One report request seen by the unit that asked: which units sent (late, missing, returned), and the
 * roll-up of their figures, each unit's stated figure beside what the data says (differences marked).
 */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { App } from 'antd';
import { downloadRollupDocx, getReportRollup, type ReportRollup } from '../../api/reports';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate, fmtMoney, fmtNumber } from '../../lib/format';

const COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', received: 'success', returned: 'warning' };
type Row = ReportRollup['rows'][number];

export default function RollupPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['reports', 'rollup', id], queryFn: () => getReportRollup(id) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return <LoadingBlock />;
  const owner = d.request.abilities.includes('receive');
  const fmt = (r: Row, v: number) => (r.money ? fmtMoney(v) : fmtNumber(v));
  const missing = d.units.filter((u) => u.overdue);
  return (
    <>
      <PageHeader
        title={d.request.title}
        subtitle={`${d.request.kindLabel} — ${d.request.unitName}; kỳ ${fmtDate(d.request.periodFrom)} – ${fmtDate(d.request.periodTo)}; hạn gửi ${fmtDate(d.request.dueDate)}`}
        extra={
          owner ? (
            <>
              <Button onClick={() => void downloadRollupDocx(id).catch((e: unknown) => void message.error(errorText(e)))} data-testid="rollup-docx">
                Tải báo cáo tổng hợp (Word)
              </Button>
              <Button onClick={() => void downloadRollupDocx(id, 'pdf').catch((e: unknown) => void message.error(errorText(e)))} data-testid="rollup-pdf">
                PDF
              </Button>
            </>
          ) : null
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {missing.length ? <Alert type="error" showIcon message={`Quá hạn chưa gửi: ${missing.map((u) => u.unitName).join(', ')}`} /> : null}
        <Card size="small" title={`Tình hình gửi báo cáo: ${d.request.submitted}/${d.request.asked} đơn vị đã gửi, ${d.request.received} đã tiếp nhận`}>
          <Table
            rowKey="reportId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.units}
            columns={[
              { title: 'Đơn vị', render: (_, u) => <Link to={`/bao-cao/${u.reportId}`}>{u.unitName}</Link> },
              { title: 'Hạn gửi', render: (_, u) => fmtDate(u.dueDate) },
              {
                title: 'Trạng thái',
                render: (_, u) => (
                  <>
                    <Tag color={COLOR[u.status]}>{u.statusLabel}</Tag>
                    {u.overdue ? <Tag color="error">Quá hạn</Tag> : null}
                    {u.late ? <Tag color="orange">Gửi muộn</Tag> : null}
                  </>
                ),
              },
              {
                title: 'Số liệu khác dữ liệu',
                align: 'right',
                render: (_, u) => (u.differences ? <Tag color="volcano">{u.differences} chỉ tiêu</Tag> : '—'),
              },
            ]}
          />
        </Card>
        <Card size="small" title="Tổng hợp số liệu (số đơn vị báo cáo; số theo dữ liệu ghi bên dưới khi khác)">
          <Typography.Paragraph type="secondary">
            Cột «Cộng» là tổng số liệu các đơn vị đã gửi nêu; «Theo dữ liệu» là tổng dữ liệu của chính các báo cáo đó; «Toàn đơn vị» là dữ liệu của cả đơn vị
            yêu cầu trong kỳ (gồm cả đơn vị không được yêu cầu).
          </Typography.Paragraph>
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.rows}
            columns={[
              { title: 'Chỉ tiêu', dataIndex: 'label', fixed: 'left', width: 260 },
              ...d.units.map((u, n) => ({
                title: u.unitName,
                key: u.reportId,
                align: 'right' as const,
                render: (_: unknown, r: Row) => {
                  const c = r.cells[n];
                  if (!c || c.stated === null) return <Typography.Text type="secondary">chưa gửi</Typography.Text>;
                  if (c.stated === c.data) return fmt(r, c.stated);
                  return (
                    <span data-testid="rollup-diff">
                      <Typography.Text type="danger" strong>
                        {fmt(r, c.stated)}
                      </Typography.Text>
                      <br />
                      <Typography.Text type="secondary">dữ liệu: {fmt(r, c.data)}</Typography.Text>
                    </span>
                  );
                },
              })),
              {
                title: 'Cộng',
                align: 'right',
                render: (_, r) => <strong style={{ color: r.sum !== r.dataSum ? '#cf1322' : undefined }}>{fmt(r, r.sum)}</strong>,
              },
              { title: 'Theo dữ liệu', align: 'right', render: (_, r) => fmt(r, r.dataSum) },
              { title: 'Toàn đơn vị', align: 'right', render: (_, r) => fmt(r, r.subtreeData) },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
