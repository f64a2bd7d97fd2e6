/** Overdue dashboard: dossiers whose current step has run past its working-day limit, or is about to. */
import { Alert, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { overdue, type DossierSummary, type StepClock } from '../../api/dossiers';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { ClockTag, StatusTag } from './common';
import { keys } from '../../api/keys';

type Row = DossierSummary & { clock: StepClock };

export default function OverduePage() {
  const q = useQuery({ queryKey: keys.dossiers.overdue, queryFn: overdue });
  return (
    <>
      <PageHeader title="Theo dõi thời hạn xử lý" subtitle="Tính theo ngày làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết và ngày nghỉ cơ quan khai báo)." />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.data ? (
        <Alert
          showIcon
          type={q.data.overdue ? 'error' : 'success'}
          style={{ marginBottom: 12 }}
          message={q.data.overdue ? `${q.data.overdue} hồ sơ quá hạn ở bước đang xử lý` : 'Không có hồ sơ quá hạn'}
        />
      ) : null}
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: 'Không có hồ sơ quá hạn hoặc sắp đến hạn.' }}
        columns={[
          { title: 'Hồ sơ', key: 't', render: (_: unknown, d: Row) => <Link to={`/ho-so/${d.id}`}>{d.title}</Link> },
          { title: 'Đơn vị', dataIndex: 'unitName', key: 'u', width: 220 },
          {
            title: 'Bước',
            key: 's',
            width: 200,
            render: (_: unknown, d: Row) => (
              <div>
                <StatusTag status={d.status} label={d.statusLabel} />
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.clock.step}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: 'Bắt đầu', key: 'b', width: 110, render: (_: unknown, d: Row) => fmtDate(d.clock.startedOn) },
          { title: 'Hạn', key: 'h', width: 110, render: (_: unknown, d: Row) => fmtDate(d.clock.dueOn) },
          { title: 'Tình trạng', key: 'c', width: 200, render: (_: unknown, d: Row) => <ClockTag clock={d.clock} /> },
        ]}
        data-testid="overdue-table"
      />
    </>
  );
}
