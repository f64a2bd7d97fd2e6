import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { exportAudit, listAudit, listAuditActions, type AuditFilter } from '../../api/audit';
import type { AuditEvent } from '../../api/audit';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/ExportButton';
import { EmptyBlock, ErrorAlert } from '../../components/PageStates';
import { useDebounced, useUnits } from '../../lib/hooks';
import { DATE_FORMAT, fmtDateTime, fmtNumber } from '../../lib/format';
import { auditDiff } from '../../lib/auditDiff';
import { keys } from '../../api/keys';

const ENTITY_LABELS: Record<string, string> = {
  unit: 'Đơn vị',
  person: 'Cán bộ',
  account: 'Tài khoản',
  council: 'Hội đồng',
  session: 'Phiên đăng nhập',
  system: 'Hệ thống',
};

function DiffTable({ event, unitNames }: { event: AuditEvent; unitNames: Map<string, string> }) {
  const rows = auditDiff(event.before, event.after, unitNames, event.entityType);
  if (rows.length === 0) return <Typography.Text type="secondary">Sự kiện này không lưu dữ liệu trước/sau.</Typography.Text>;
  const hasBefore = event.before !== null && event.before !== undefined;
  const hasAfter = event.after !== null && event.after !== undefined;
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 960 }}
      data-testid="audit-diff"
      rowClassName={(r) => (r.changed && hasBefore && hasAfter ? 'row-changed' : '')}
      columns={[
        { title: 'Trường', dataIndex: 'label', width: 200 },
        ...(hasBefore ? [{ title: 'Trước', dataIndex: 'before', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> }] : []),
        ...(hasAfter ? [{ title: 'Sau', dataIndex: 'after', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> }] : []),
      ]}
    />
  );
}

export default function AuditPage() {
  const [action, setAction] = useState<AuditFilter['action']>();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [username, setUsername] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const user = useDebounced(username.trim(), 400);

  const filter: AuditFilter = {
    action,
    entityType,
    username: user || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize,
  };
  const events = useQuery({ queryKey: keys.audit.list(filter), queryFn: () => listAudit(filter), placeholderData: keepPreviousData });
  const actions = useQuery({ queryKey: keys.audit.actions, queryFn: listAuditActions, staleTime: Infinity });
  const units = useUnits(true);
  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const filtered = !!(action || entityType || user || range);

  const reset = () => {
    setAction(undefined);
    setEntityType(undefined);
    setUsername('');
    setRange(null);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Nhật ký thao tác"
        subtitle="Ai đã làm gì, lúc nào, từ đâu – trong phạm vi đơn vị của bạn. Bấm vào một dòng để xem dữ liệu trước và sau."
        extra={
          <ExportButton
            download={() => exportAudit({ action: filter.action, entityType: filter.entityType, username: filter.username, from: filter.from, to: filter.to })}
          />
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Loại thao tác"
            value={action}
            onChange={(v: AuditFilter['action']) => {
              setAction(v);
              setPage(1);
            }}
            options={(actions.data?.items ?? []).map((a) => ({ value: a.code, label: a.label }))}
            loading={actions.isPending}
            style={{ width: 280 }}
            data-testid="audit-action"
          />
          <Select
            allowClear
            placeholder="Đối tượng"
            value={entityType}
            onChange={(v: string | undefined) => {
              setEntityType(v);
              setPage(1);
            }}
            options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 160 }}
          />
          <Input
            allowClear
            placeholder="Tên đăng nhập"
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setPage(1);
            }}
            style={{ width: 180 }}
            data-testid="audit-username"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
          />
          {filtered ? (
            <Button icon={<ClearOutlined />} onClick={reset}>
              Bỏ lọc
            </Button>
          ) : null}
        </Flex>
      </Card>
      {events.isError ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <div data-testid="audit-table">
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            loading={events.isFetching}
            dataSource={events.data?.items ?? []}
            expandable={{ expandedRowRender: (e) => <DiffTable event={e} unitNames={unitNames} />, expandRowByClick: true }}
            pagination={{
              current: page,
              pageSize,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (t) => `${fmtNumber(t)} sự kiện`,
            }}
            onChange={(p) => {
              setPage(p.current ?? 1);
              setPageSize(p.pageSize ?? 50);
            }}
            locale={{
              emptyText: events.isPending ? (
                <span />
              ) : (
                <EmptyBlock
                  text={filtered ? 'Không có sự kiện nào khớp bộ lọc. Hãy nới khoảng ngày hoặc bỏ bớt điều kiện.' : 'Chưa có sự kiện nào được ghi nhận.'}
                />
              ),
            }}
            columns={[
              { title: 'Thời điểm', dataIndex: 'at', width: 150, render: (v: string) => fmtDateTime(v) },
              { title: 'Người thực hiện', dataIndex: 'actorUsername', width: 150, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              {
                title: 'Thao tác',
                dataIndex: 'actionLabel',
                width: 230,
                render: (v: string, e) => (
                  <Tag color={e.action === 'auth.login_failed' || e.action === 'auth.locked' ? 'red' : e.action.startsWith('auth.') ? 'default' : 'blue'}>
                    {v}
                  </Tag>
                ),
              },
              { title: 'Nội dung', dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
              { title: 'Địa chỉ IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </div>
      )}
    </>
  );
}
