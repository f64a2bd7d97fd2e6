/**
 * The annual statistical forms (biểu 0601, 0602, 0603.N/BNV-TĐKT) computed from the records: the
 * table laid out like the form, an Excel download, and a click on any figure lists the records behind it.
 */
import { Alert, Button, Drawer, InputNumber, Segmented, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App } from 'antd';
import { exportStatisticalForm, getStatisticalCell, getStatisticalForm, listStatisticalForms, type StatisticalForm } from '../../api/reports';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate, fmtNumber } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

type FormCode = '0601' | '0602' | '0603';
type Line = StatisticalForm['rows'][number];
const CODES: FormCode[] = ['0601', '0602', '0603'];

function CellDrawer({ code, year, cell, onClose }: { code: FormCode; year: number; cell: { row: string; column: string } | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['statistics', 'cell', code, year, cell?.row, cell?.column, page],
    queryFn: () => getStatisticalCell(code, { year, row: cell!.row, column: cell!.column, page, pageSize: 50 }),
    enabled: !!cell,
  });
  const d = q.data;
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      width={Math.min(720, window.innerWidth)}
      title={d ? `${d.rowLabel} × ${d.columnLabel}` : 'Bản ghi của ô'}
      destroyOnHidden
    >
      {q.error ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!d ? (
        <LoadingBlock />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {d.total} bản ghi tạo nên ô này (năm {d.year}).
          </Typography.Text>
          {d.none ? <Alert type="info" showIcon message={`Ô luôn bằng 0: ${d.none}`} /> : null}
          <Table
            rowKey="id"
            size="small"
            dataSource={d.items}
            scroll={{ x: true }}
            data-testid="cell-records"
            pagination={{ current: page, pageSize: 50, total: d.total, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: 'Đối tượng', render: (_, r) => <Link to={r.link}>{r.name}</Link> },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Nội dung', dataIndex: 'detail' },
              { title: 'Số, ngày', render: (_, r) => [r.reference, fmtDate(r.date)].filter(Boolean).join(', ') || '—' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

export default function StatisticsPage() {
  const { message } = App.useApp();
  const [code, setCode] = useState<FormCode>('0601');
  const [year, setYear] = useState(currentYearVn());
  const [cell, setCell] = useState<{ row: string; column: string } | null>(null);
  const list = useQuery({ queryKey: ['statistics', 'forms'], queryFn: listStatisticalForms });
  const q = useQuery({ queryKey: ['statistics', 'form', code, year], queryFn: () => getStatisticalForm(code, year) });
  const f = q.data;
  const withUnit = f?.rows.some((r) => r.unit) ?? false;
  const unverified = list.data?.circulars.filter((c) => !c.verified) ?? [];
  return (
    <>
      <PageHeader
        title="Biểu thống kê thi đua, khen thưởng"
        subtitle={f ? `${f.code} — ${f.unitName ?? ''}` : undefined}
        extra={
          <Space wrap>
            <Segmented<FormCode> value={code} onChange={setCode} options={CODES.map((c) => ({ value: c, label: `Biểu ${c}` }))} data-testid="form-code" />
            <InputNumber aria-label="Năm" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportStatisticalForm(code, year).catch((e: unknown) => void message.error(errorText(e)))}
              data-testid="form-xlsx"
            >
              Tải biểu (Excel)
            </Button>
          </Space>
        }
      />
      {unverified.map((c) => (
        <Alert key={c.code} type="warning" showIcon style={{ marginBottom: 12 }} message={`${c.code}: ${c.note}`} />
      ))}
      {q.error ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!f ? (
        <LoadingBlock />
      ) : (
        <>
          <div style={{ textAlign: 'center', marginBottom: 8 }}>
            <Typography.Title level={5} style={{ marginBottom: 0 }}>
              {f.title}
            </Typography.Title>
            <Typography.Text italic>
              Năm {f.year} — ban hành theo {f.circular}; hạn gửi: {f.due.toLowerCase()}
            </Typography.Text>
          </div>
          <Typography.Paragraph type="secondary">Bấm vào một số liệu để xem các bản ghi tạo nên nó.</Typography.Paragraph>
          <Table<Line>
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={f.rows}
            data-testid="stat-form"
            columns={[
              {
                title: '',
                dataIndex: 'label',
                fixed: 'left',
                width: 280,
                render: (v: string, r) => (r.bold || r.heading ? <strong>{v}</strong> : v),
              },
              { title: 'Mã số', dataIndex: 'code', align: 'center', width: 60 },
              ...(withUnit ? [{ title: 'Đơn vị tính', dataIndex: 'unit', align: 'center' as const, width: 90 }] : []),
              ...f.columns.map((c, j) => ({
                title: (
                  <span>
                    {[...c.groups.filter((g) => g !== 'Chia ra'), c.label].join(' — ')}
                    <br />
                    <Tag style={{ marginTop: 4 }}>{c.code}</Tag>
                  </span>
                ),
                key: c.key,
                align: 'right' as const,
                width: 120,
                render: (_: unknown, r: Line) => {
                  const v = r.cells[j];
                  if (v === null || v === undefined) return null;
                  return (
                    <Button type="link" size="small" onClick={() => setCell({ row: r.key, column: c.key })} data-testid={`cell-${r.key}-${c.key}`}>
                      {fmtNumber(v)}
                    </Button>
                  );
                },
              })),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {f.note}
          </Typography.Paragraph>
        </>
      )}
      <CellDrawer code={code} year={year} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}
