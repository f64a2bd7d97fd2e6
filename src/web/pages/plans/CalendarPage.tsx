/** Every deadline in one calendar: month view (antd Calendar) and list view, per unit. */
import { Badge, Calendar, Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { exportCalendar, getCalendar, type Deadline } from '../../api/plans';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate } from '../../lib/format';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { todayDayjs } from '../../lib/today';
import { formatLunar, lunarOf } from '../../../shared/lunar';
import { defaultHolidays } from '../../../shared/working-days';
import { HolidayEditor } from './HolidayEditor';
import { useAuth } from '../../auth/AuthContext';
import { listHolidays, pipelineAbilities } from '../../api/dossiers';

/** The days off of the years shown: the agency's entries (when the account may read them) over the statutory defaults. */
function useDaysOff(years: number[]) {
  const q = useQuery({ queryKey: keys.holidays(years[0] ?? 0), queryFn: () => listHolidays(years[0] ?? 0), retry: false });
  const out = new Map<string, { name: string; kind: string }>();
  for (const y of years) for (const h of defaultHolidays(y)) out.set(h.date, h);
  for (const h of q.data?.agency ?? []) out.set(h.date, h);
  return out;
}

function colorOf(d: Deadline): 'error' | 'success' | 'warning' | 'processing' {
  if (d.overdue) return 'error';
  if (d.status === 'done') return 'success';
  return dayjs(d.dueDate).diff(todayDayjs(), 'day') <= 7 ? 'warning' : 'processing';
}

export default function CalendarPage() {
  const [month, setMonth] = useState<Dayjs>(todayDayjs());
  const [view, setView] = useState<'month' | 'list'>('month');
  const [unitId, setUnitId] = useState<string | undefined>();
  const from = view === 'month' ? month.startOf('month').startOf('week') : month.startOf('month');
  const to = view === 'month' ? month.endOf('month').endOf('week') : month.add(2, 'month').endOf('month');
  const q = useQuery({
    queryKey: keys.calendar(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'), unitId),
    queryFn: () => getCalendar({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), unitId, pageSize: 2000 }),
  });
  const { user } = useAuth();
  const canEditDays = !!user && pipelineAbilities(user).manageDeadlines;
  const daysOff = useDaysOff([...new Set([from.year(), to.year()])]);
  const byDay = new Map<string, Deadline[]>();
  for (const d of q.data?.items ?? []) byDay.set(d.dueDate, [...(byDay.get(d.dueDate) ?? []), d]);
  return (
    <>
      <PageHeader
        title="Lịch thời hạn"
        subtitle="Thời hạn của kế hoạch, phong trào, đăng ký thi đua và hồ sơ khen thưởng"
        extra={
          <Space wrap>
            <UnitTreeSelect value={unitId} onChange={setUnitId} allowClear placeholder="Mọi đơn vị trong phạm vi" style={{ width: 300 }} />
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'month' | 'list')}
              options={[
                { value: 'month', label: 'Tháng' },
                { value: 'list', label: 'Danh sách' },
              ]}
              data-testid="calendar-view"
            />
            {view === 'list' ? (
              <ExportButton download={() => exportCalendar({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), unitId })} />
            ) : null}
          </Space>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {canEditDays ? <HolidayEditor year={month.year()} /> : null}
      {view === 'month' ? (
        <Card size="small">
          <Calendar
            value={month}
            onPanelChange={(d) => setMonth(d)}
            onSelect={(d, info) => {
              if (info.source === 'date') setMonth(d);
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const iso = d.format('YYYY-MM-DD');
              const items = byDay.get(iso) ?? [];
              const total = q.data?.byDay[iso] ?? items.length;
              const lunar = lunarOf(iso);
              const off = daysOff.get(iso);
              return (
                <div data-testid={items.length ? 'calendar-cell-with-deadlines' : undefined}>
                  <div style={{ display: 'flex', gap: 4, alignItems: 'baseline', fontSize: 11, lineHeight: '16px' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }} data-testid="lunar-date" title="Âm lịch">
                      {lunar.day === 1 || d.date() === 1 ? formatLunar(lunar) : lunar.day}
                    </Typography.Text>
                    {off ? (
                      <Tooltip title={off.name}>
                        <Typography.Text type={off.kind === 'workday' ? 'warning' : 'danger'} ellipsis style={{ fontSize: 11 }} data-testid="day-off">
                          {off.kind === 'workday' ? `Làm bù: ${off.name}` : off.name}
                        </Typography.Text>
                      </Tooltip>
                    ) : null}
                  </div>
                  {items.slice(0, 3).map((x) => (
                    <Tooltip key={x.id} title={`${x.kindLabel}: ${x.title}${x.unitName ? ` — ${x.unitName}` : ''}`}>
                      <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12 }}>
                        <Badge status={colorOf(x)} text={x.link ? <Link to={x.link}>{x.title}</Link> : x.title} />
                      </div>
                    </Tooltip>
                  ))}
                  {total > 3 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      +{total - 3} thời hạn khác
                    </Typography.Text>
                  ) : null}
                </div>
              );
            }}
          />
        </Card>
      ) : (
        <Table<Deadline>
          size="small"
          loading={q.isPending}
          rowKey="id"
          dataSource={q.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="calendar-list"
          columns={[
            {
              title: 'Hạn',
              dataIndex: 'dueDate',
              width: 110,
              render: (d: string, r) => (
                <div>
                  {r.startDate ? <Typography.Text type="secondary">Từ {fmtDate(r.startDate)}</Typography.Text> : null}
                  <div>
                    <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.startDate ? `Đến hết ${fmtDate(d)}` : fmtDate(d)}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: 'Loại', dataIndex: 'kindLabel', width: 200, render: (v: string) => <Tag>{v}</Tag> },
            { title: 'Nội dung', render: (_, r) => (r.link ? <Link to={r.link}>{r.title}</Link> : r.title) },
            { title: 'Đơn vị', dataIndex: 'unitName', width: 260 },
            {
              title: '',
              width: 110,
              render: (_, r) => <Badge status={colorOf(r)} text={r.overdue ? 'Quá hạn' : r.status === 'done' ? 'Đã xong' : 'Đang mở'} />,
            },
          ]}
        />
      )}
    </>
  );
}
