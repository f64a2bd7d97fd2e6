/** Periodic reports: the unit's own to send and those sent to it, with late and missing ones marked. */
import { Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { listReports, type ReportSummary } from '../../api/reports';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';

const COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', received: 'success', returned: 'warning' };

export default function ReportsPage() {
  const q = useQuery({ queryKey: ['reports', 'list'], queryFn: () => listReports({ pageSize: 200 }) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title="Báo cáo định kỳ" subtitle="Báo cáo đơn vị phải gửi và báo cáo gửi tới đơn vị" />
      <Table<ReportSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: 'Báo cáo', render: (_, r) => <Link to={`/bao-cao/${r.id}`}>{r.requestTitle}</Link> },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Hạn gửi', render: (_, r) => fmtDate(r.dueDate) },
          {
            title: 'Trạng thái',
            render: (_, r) => (
              <>
                <Tag color={COLOR[r.status]}>{r.statusLabel}</Tag>
                {r.overdue ? <Tag color="error">Quá hạn</Tag> : null}
                {r.late ? <Tag color="orange">Gửi muộn</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
