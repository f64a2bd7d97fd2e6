/**
 * The dashboard for the user's scope, a year and a movement: targets against results, awards by
 * level, month, unit and honor, shares of non-leaders / direct workers / women, pending and overdue
 * dossiers, the fund by source, earlier years. Each part is a chart (recharts, loaded with this page
 * only) with its table view, a PNG and an Excel export; clicking a figure (a bar, a counter, a
 * table row) opens the list behind it: the awards in a drawer, the dossier list or the fund ledger
 * filtered through their address.
 */
import { App, Button, Card, Col, Drawer, InputNumber, Progress, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined, FileImageOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { exportDashboardPart, getDashboard, listDashboardHonors, type Dashboard, type DashboardFilter, type DashboardPart } from '../../api/reports';
import { overdue } from '../../api/dossiers';
import { errorText, saveBlob } from '../../api/client';
import { chartPng, progressPng } from '../../lib/chart-png';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate, fmtMoney, fmtNumber } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

const COLLECTIVE = '#1677ff';
const INDIVIDUAL = '#52c41a';
const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
const vnd = (v: unknown) => fmtMoney(Number(v));
const num = (v: unknown) => fmtNumber(Number(v));

interface TableView {
  columns: { title: string; key: string; money?: boolean }[];
  rows: Record<string, string | number>[];
  /** Clicking a row opens the same list as clicking its bar. */
  onRow?: (index: number) => void;
}

/** A card holding a chart or its table, and the Excel export of the part. */
function Part({
  title,
  part,
  year,
  movementId,
  chart,
  table,
  png,
}: {
  title: string;
  part: DashboardPart;
  year: number;
  movementId?: string | null;
  chart: ReactNode;
  table: TableView;
  /** Paints the PNG itself (a part that is not an SVG chart). */
  png?: () => Promise<Blob>;
}) {
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const box = useRef<HTMLDivElement>(null);
  const exportPng = async () => {
    if (!png && view !== 'chart') {
      // The image is the chart: show it, let it lay out, then paint it.
      setView('chart');
      await new Promise((r) => setTimeout(r, 400));
    }
    const blob = png ? await png() : await chartPng(box.current!, `${title} — năm ${year}`);
    saveBlob(blob, `bang-dieu-hanh-${part}-${year}.png`);
  };
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space size={4} wrap>
          <Segmented
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: 'Biểu đồ' },
              { value: 'table', label: 'Bảng' },
            ]}
          />
          <Button
            size="small"
            icon={<FileImageOutlined />}
            aria-label={`Xuất ảnh PNG: ${title}`}
            title="Xuất ảnh PNG"
            data-testid={`png-${part}`}
            onClick={() => void exportPng().catch((e: unknown) => void message.error(e instanceof Error ? e.message : errorText(e)))}
          />
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            title="Xuất Excel"
            data-testid={`xlsx-${part}`}
            aria-label={`Xuất Excel: ${title}`}
            onClick={() =>
              void exportDashboardPart({ year, part, ...(movementId ? { movementId } : {}) }).catch((e: unknown) => void message.error(errorText(e)))
            }
          />
        </Space>
      }
      style={{ height: '100%' }}
      data-testid={`part-${part}`}
    >
      {view === 'chart' ? (
        <div ref={box}>{chart}</div>
      ) : (
        <Table
          size="small"
          rowKey={(r) => String(r.key)}
          pagination={false}
          scroll={{ x: true }}
          dataSource={table.rows}
          onRow={(_, i) => (table.onRow && i !== undefined ? { onClick: () => table.onRow!(i), style: { cursor: 'pointer' } } : {})}
          columns={table.columns.map((c, i) => ({
            title: c.title,
            dataIndex: c.key,
            align: i === 0 ? ('left' as const) : ('right' as const),
            render: (v: string | number) => (typeof v === 'number' ? (c.money ? fmtMoney(v) : fmtNumber(v)) : v),
          }))}
        />
      )}
    </Card>
  );
}

/** A clicked figure's awards: the dashboard's filter, and another year for the comparison of years. */
type Drill = DashboardFilter & { year?: number };

/** The awards behind a clicked figure. */
function Records({ year, filter, title, onClose }: { year: number; filter: Drill | null; title: string; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['dashboard', 'records', year, filter, page],
    queryFn: () => listDashboardHonors({ year, ...filter, page, pageSize: 50 }),
    enabled: !!filter,
  });
  return (
    <Drawer open={!!filter} onClose={onClose} title={title} width={Math.min(760, window.innerWidth)} destroyOnHidden>
      {q.error ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!q.data ? (
        <LoadingBlock />
      ) : (
        <>
          <Typography.Paragraph>{fmtNumber(q.data.total)} lượt khen thưởng.</Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={q.data.items}
            data-testid="dashboard-records"
            pagination={{ current: page, pageSize: 50, total: q.data.total, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: 'Đối tượng', render: (_, r) => <Link to={r.link}>{r.name}</Link> },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Danh hiệu, hình thức', dataIndex: 'honorLabel' },
              { title: 'Quyết định', render: (_, r) => [r.decisionNumber, fmtDate(r.decisionDate)].filter(Boolean).join(', ') || '—' },
              { title: 'Tiền thưởng', align: 'right', render: (_, r) => (r.amount === null ? '—' : fmtMoney(r.amount)) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

function Charts({ d, movementId }: { d: Dashboard; movementId: string | null }) {
  const user = useUser();
  const navigate = useNavigate();
  const [drill, setDrill] = useState<{ filter: Drill; title: string } | null>(null);
  const open = (filter: Drill, title: string) => setDrill({ filter, title });
  const canDossiers = user.abilities.dossier.includes('read');
  const late = useQuery({ queryKey: ['dossiers', 'overdue'], queryFn: overdue, enabled: canDossiers });
  const y = d.year;
  const months = d.byMonth.map((m) => ({ ...m, name: m.month === 0 ? 'Không ghi' : `T${m.month}` }));
  const shares = (
    [
      ['non_leader', 'Không giữ chức vụ lãnh đạo', d.shares.nonLeader],
      ['direct_worker', 'Người trực tiếp lao động, công tác', d.shares.directWorker],
      ['female', 'Nữ', d.shares.female],
      ['leader', 'Lãnh đạo, quản lý', d.shares.leader],
    ] as const
  ).map(([key, name, n]) => ({ key, name, n, percent: pct(n, d.shares.individuals) }));
  const both = [
    { title: 'Tập thể', key: 'collective' },
    { title: 'Cá nhân', key: 'individual' },
  ];
  // What each figure opens: the same for its bar and its table row.
  const byMonth = (i: number) => open({ month: months[i]!.month }, `Khen thưởng ${months[i]!.month ? `tháng ${months[i]!.month}` : 'không ghi ngày'}/${y}`);
  const byLevel = (i: number) => {
    const l = d.byLevel[i]!;
    open({ level: l.level as 'co_so' | 'bo_tinh' | 'nha_nuoc' }, `${l.label} năm ${y}`);
  };
  const byUnit = (i: number) => open({ unitId: d.byUnit[i]!.unitId }, `${d.byUnit[i]!.unitName} — năm ${y}`);
  const byShare = (i: number) => open({ share: shares[i]!.key }, `${shares[i]!.name} — năm ${y}`);
  const byHonor = (i: number) => open({ honor: d.byHonor[i]!.honor as DashboardFilter['honor'] }, `${d.byHonor[i]!.label} — năm ${y}`);
  const byYear = (i: number) => open({ year: d.years[i]!.year }, `Khen thưởng năm ${d.years[i]!.year}`);
  const toStep = (i: number) => void navigate(`/ho-so?box=all&status=${d.pending[i]!.status}&year=${y}`);
  const toLedger = (i: number) => void navigate(`/quy-khen-thuong?year=${y}&entryKind=${d.money[i]!.kind}`);
  const stacked = (rows: object[], x: string, onBar: (i: number) => void, layout: 'horizontal' | 'vertical' = 'horizontal') => (
    <ResponsiveContainer width="100%" height={layout === 'vertical' ? Math.max(200, rows.length * 32 + 60) : 260}>
      <BarChart data={rows} layout={layout} margin={{ left: 8, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {layout === 'vertical' ? <XAxis type="number" allowDecimals={false} /> : <XAxis dataKey={x} />}
        {layout === 'vertical' ? (
          <YAxis
            type="category"
            dataKey={x}
            width={160}
            interval={0}
            tick={{ fontSize: 11 }}
            tickFormatter={(v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v)}
          />
        ) : (
          <YAxis allowDecimals={false} />
        )}
        <Tooltip formatter={num} />
        <Legend />
        <Bar dataKey="collective" name="Tập thể" stackId="a" fill={COLLECTIVE} cursor="pointer" onClick={(_, i) => onBar(i)} />
        <Bar dataKey="individual" name="Cá nhân" stackId="a" fill={INDIVIDUAL} cursor="pointer" onClick={(_, i) => onBar(i)} />
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => open({ subject: 'collective' }, `Tập thể được khen năm ${y}`)} data-testid="counter-collective">
            <Statistic title="Tập thể được khen" value={d.totals.collective} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => open({ subject: 'individual' }, `Cá nhân được khen năm ${y}`)} data-testid="counter-individual">
            <Statistic title="Cá nhân được khen" value={d.totals.individual} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => open({}, `Khen thưởng năm ${y}`)} data-testid="counter-amount">
            <Statistic title="Tiền thưởng" value={fmtMoney(d.totals.amount)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => void navigate(`/ho-so?box=all&stage=in_progress&year=${y}`)} data-testid="counter-pending">
            <Statistic title="Hồ sơ đang xử lý" value={d.pending.reduce((s, p) => s + p.dossiers, 0)} />
            {late.data ? (
              <Link to="/qua-han" onClick={(e) => e.stopPropagation()}>
                <Typography.Text type={late.data.overdue ? 'danger' : 'secondary'}>{fmtNumber(late.data.overdue)} hồ sơ quá hạn xử lý</Typography.Text>
              </Link>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Part
        title="Mục tiêu thi đua so với kết quả"
        part="targets"
        year={y}
        movementId={movementId}
        png={() =>
          progressPng(
            `Mục tiêu thi đua so với kết quả — năm ${y}`,
            d.targets.map((t) => ({
              label: `${t.label}: đạt ${fmtNumber(t.awarded)}${t.base !== null ? ` / ${fmtNumber(t.base)} (${t.awardedPercent ?? 0}%)` : ''}`,
              percent: t.progress ?? 0,
              done: t.achieved,
            })),
          )
        }
        chart={
          d.targets.length === 0 ? (
            <Typography.Text type="secondary">Phong trào chưa đặt mục tiêu đo được.</Typography.Text>
          ) : (
            d.targets.map((t) => (
              <div key={t.id} style={{ marginBottom: 8 }}>
                <div>
                  {t.label}: đạt {fmtNumber(t.awarded)}
                  {t.base !== null ? ` / ${fmtNumber(t.base)} (${t.awardedPercent ?? 0}%)` : ''}
                </div>
                <Progress percent={t.progress ?? 0} status={t.achieved ? 'success' : 'active'} />
              </div>
            ))
          )
        }
        table={{
          columns: [
            { title: 'Mục tiêu', key: 'label' },
            { title: 'Cơ sở tính', key: 'base' },
            { title: 'Đạt', key: 'awarded' },
            { title: 'Tỷ lệ đạt (%)', key: 'awardedPercent' },
            { title: 'Tiến độ (%)', key: 'progress' },
          ],
          rows: d.targets.map((t) => ({
            key: t.id,
            label: t.label,
            base: t.base ?? '—',
            awarded: t.awarded,
            awardedPercent: t.awardedPercent ?? '—',
            progress: t.progress ?? '—',
          })),
        }}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Part
            title="Khen thưởng theo tháng"
            part="byMonth"
            year={y}
            chart={stacked(months, 'name', byMonth)}
            table={{ columns: [{ title: 'Tháng', key: 'name' }, ...both], rows: months.map((m) => ({ key: m.month, ...m })), onRow: byMonth }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="Theo cấp khen thưởng"
            part="byLevel"
            year={y}
            chart={stacked(d.byLevel, 'label', byLevel)}
            table={{ columns: [{ title: 'Cấp', key: 'label' }, ...both], rows: d.byLevel.map((l) => ({ key: l.level, ...l })), onRow: byLevel }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="Theo đơn vị"
            part="byUnit"
            year={y}
            chart={
              d.byUnit.length ? (
                stacked(d.byUnit, 'unitName', byUnit, 'vertical')
              ) : (
                <Typography.Text type="secondary">Không có đơn vị trực thuộc.</Typography.Text>
              )
            }
            table={{ columns: [{ title: 'Đơn vị', key: 'unitName' }, ...both], rows: d.byUnit.map((u) => ({ key: u.unitId, ...u })), onRow: byUnit }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="Cá nhân được khen theo đối tượng"
            part="shares"
            year={y}
            chart={
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={shares} layout="vertical" margin={{ left: 8, right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" domain={[0, 100]} unit="%" />
                  <YAxis type="category" dataKey="name" width={170} />
                  <Tooltip formatter={(v, _n, item) => `${String(v)}% (${fmtNumber((item.payload as { n: number }).n)} lượt)`} />
                  <Bar dataKey="percent" name="Tỷ lệ" fill="#fa8c16" cursor="pointer" onClick={(_, i) => byShare(i)} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [
                { title: 'Đối tượng', key: 'name' },
                { title: 'Số lượt', key: 'n' },
                { title: 'Tỷ lệ (%)', key: 'percent' },
              ],
              rows: shares.map((s) => ({ ...s })),
              onRow: byShare,
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="Hồ sơ đang xử lý theo bước"
            part="pending"
            year={y}
            chart={
              d.pending.length ? (
                <ResponsiveContainer width="100%" height={240}>
                  <BarChart data={d.pending} margin={{ left: 8, right: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                    <YAxis allowDecimals={false} />
                    <Tooltip formatter={num} />
                    <Bar dataKey="dossiers" name="Hồ sơ" fill="#722ed1" cursor="pointer" onClick={(_, i) => toStep(i)} />
                  </BarChart>
                </ResponsiveContainer>
              ) : (
                <Typography.Text type="secondary">Không có hồ sơ đang xử lý.</Typography.Text>
              )
            }
            table={{
              columns: [
                { title: 'Bước', key: 'label' },
                { title: 'Hồ sơ', key: 'dossiers' },
                { title: 'Đối tượng', key: 'candidates' },
              ],
              rows: d.pending.map((p) => ({ key: p.status, ...p })),
              onRow: toStep,
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="Quỹ thi đua, khen thưởng theo nguồn và khoản chi"
            part="money"
            year={y}
            chart={
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={d.money} layout="vertical" margin={{ left: 8, right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" tickFormatter={(v: number) => `${fmtNumber(Math.round(v / 1_000_000))} tr`} />
                  <YAxis type="category" dataKey="label" width={170} />
                  <Tooltip formatter={vnd} />
                  <Bar dataKey="amount" name="Số tiền" fill="#13c2c2" cursor="pointer" onClick={(_, i) => toLedger(i)} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [
                { title: 'Khoản', key: 'label' },
                { title: 'Số tiền', key: 'amount', money: true },
              ],
              rows: d.money.map((m) => ({ key: m.kind, ...m })),
              onRow: toLedger,
            }}
          />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Part
            title="Theo danh hiệu, hình thức"
            part="byHonor"
            year={y}
            chart={
              d.byHonor.length ? (
                stacked(d.byHonor, 'label', byHonor, 'vertical')
              ) : (
                <Typography.Text type="secondary">Chưa có khen thưởng trong năm.</Typography.Text>
              )
            }
            table={{
              columns: [{ title: 'Danh hiệu, hình thức', key: 'label' }, ...both, { title: 'Tiền thưởng', key: 'amount', money: true }],
              rows: d.byHonor.map((h) => ({ key: h.honor, ...h })),
              onRow: byHonor,
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Part
            title="So với các năm trước"
            part="years"
            year={y}
            chart={
              <ResponsiveContainer width="100%" height={260}>
                <LineChart
                  data={d.years}
                  margin={{ left: 8, right: 8 }}
                  style={{ cursor: 'pointer' }}
                  onClick={(state) => {
                    const i = Number(state.activeIndex);
                    if (Number.isInteger(i) && d.years[i]) byYear(i);
                  }}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="year" />
                  <YAxis yAxisId="n" allowDecimals={false} />
                  <YAxis yAxisId="m" orientation="right" tickFormatter={(v: number) => `${fmtNumber(Math.round(v / 1_000_000))} tr`} />
                  <Tooltip formatter={(v, name) => (name === 'Tiền thưởng' ? vnd(v) : num(v))} />
                  <Legend />
                  <Line yAxisId="n" dataKey="awards" name="Lượt khen thưởng" stroke={COLLECTIVE} />
                  <Line yAxisId="m" dataKey="amount" name="Tiền thưởng" stroke="#fa541c" />
                </LineChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [
                { title: 'Năm', key: 'year' },
                { title: 'Lượt khen thưởng', key: 'awards' },
                { title: 'Tiền thưởng', key: 'amount', money: true },
              ],
              rows: d.years.map((r) => ({ key: r.year, ...r, year: String(r.year) })),
              onRow: byYear,
            }}
          />
        </Col>
      </Row>
      <Records year={y} filter={drill?.filter ?? null} title={drill?.title ?? ''} onClose={() => setDrill(null)} />
    </Space>
  );
}

export default function DashboardPage() {
  const [year, setYear] = useState(currentYearVn());
  const [movementId, setMovementId] = useState<string | undefined>();
  const q = useQuery({ queryKey: ['dashboard', year, movementId], queryFn: () => getDashboard({ year, ...(movementId ? { movementId } : {}) }) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <>
      <PageHeader
        title="Bảng điều hành thi đua, khen thưởng"
        subtitle={d?.unitName}
        extra={
          <Space wrap>
            <InputNumber aria-label="Năm" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            <Select
              style={{ minWidth: 220, maxWidth: '100%' }}
              placeholder="Phong trào"
              aria-label="Phong trào"
              value={d?.movementId ?? undefined}
              onChange={setMovementId}
              options={(d?.movements ?? []).map((m) => ({ value: m.id, label: m.title }))}
            />
          </Space>
        }
      />
      {!d ? <LoadingBlock /> : <Charts d={d} movementId={d.movementId} />}
    </>
  );
}
