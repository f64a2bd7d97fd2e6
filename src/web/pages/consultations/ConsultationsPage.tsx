/** The hiệp y requests the user may see: waiting, overdue (bodies silent after the deadline), cancelled; `{items,total}` pages. */
import { Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listConsultations, type ConsultationListQuery, type ConsultationSummary } from '../../api/consultations';
import { flag } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { ConsultationStateTag, DeadlineText, useResponsiveColumns } from './common';

type Filter = 'all' | 'open' | 'overdue' | 'cancelled';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'open', label: 'Đang xin ý kiến' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'cancelled', label: 'Đã hủy' },
];
const PAGE_SIZE = 20;

function queryOf(f: Filter, page: number): ConsultationListQuery {
  const base = { page, pageSize: PAGE_SIZE };
  if (f === 'open') return { ...base, status: 'open' };
  if (f === 'cancelled') return { ...base, status: 'cancelled' };
  if (f === 'overdue') return { ...base, status: 'open', overdue: flag(true) };
  return base;
}

export default function ConsultationsPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const query = queryOf(filter, page);
  const { columns, scroll } = useResponsiveColumns<ConsultationSummary>([
    {
      title: 'Hồ sơ',
      key: 'dossier',
      render: (_: unknown, c) => (
        <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
          <Link to={`/hiep-y/${c.id}`} data-testid="consultation-row-link">
            {c.dossierTitle}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.unitName}
              {c.numberText ? ` · Số ${c.numberText}` : ''} · ngày {fmtDate(c.requestDate)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Số người/tập thể', key: 'n', align: 'right', render: (_: unknown, c) => c.candidateCount },
    {
      title: 'Đã trả lời',
      key: 'answered',
      render: (_: unknown, c) => `${c.answeredCount}/${c.bodyCount} cơ quan`,
    },
    {
      title: 'Không đồng ý',
      key: 'objections',
      align: 'right',
      render: (_: unknown, c) => (c.objectionCount ? <Typography.Text type="danger">{c.objectionCount}</Typography.Text> : '—'),
    },
    { title: 'Hạn trả lời', key: 'deadline', render: (_: unknown, c) => <DeadlineText c={c} /> },
    { title: 'Trạng thái', key: 'state', render: (_: unknown, c) => <ConsultationStateTag state={c.state} label={c.stateLabel} /> },
  ]);
  const list = useQuery({ queryKey: keys.consultations.list(query), queryFn: () => listConsultations(query) });
  return (
    <>
      <PageHeader
        title="Hiệp y khen thưởng"
        subtitle="Công văn xin ý kiến các cơ quan (công an, thuế, bảo hiểm xã hội, môi trường, cấp ủy) về người/tập thể được đề nghị khen thưởng. Lập công văn từ trang hồ sơ."
      />
      <Segmented<Filter>
        options={FILTERS}
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="consultation-filter"
      />
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ConsultationSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={scroll}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `${t} công văn` }}
        locale={{ emptyText: 'Không có công văn xin ý kiến hiệp y nào.' }}
        data-testid="consultation-table"
        columns={columns}
      />
    </>
  );
}
