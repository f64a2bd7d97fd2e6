/** Movements (phong trào, đợt thi đua): list and new. */
import { Button, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { exportMovements, listMovements, planAbilities, type MovementSummary } from '../../api/plans';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { MOVEMENT_STATUSES, MOVEMENT_STATUS_LABELS, type MovementStatus } from '../../../shared/schemas/plans';
import { statusTag } from './views';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';

export default function MovementsPage() {
  const can = planAbilities(useUser());
  const [status, setStatus] = useState<MovementStatus | undefined>();
  const q = useQuery({ queryKey: keys.movements.list({ status }), queryFn: () => listMovements({ status }) });
  return (
    <>
      <PageHeader
        title="Phong trào thi đua"
        subtitle="Phong trào, đợt thi đua của đơn vị và của cấp trên đã phát động"
        extra={
          <Space>
            <Select
              allowClear
              placeholder="Mọi tình trạng"
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={MOVEMENT_STATUSES.map((s) => ({ value: s, label: MOVEMENT_STATUS_LABELS[s] }))}
            />
            <ExportButton download={() => exportMovements({ status })} />
            {can.createMovement ? (
              <Link to="/phong-trao/moi">
                <Button type="primary" icon={<PlusOutlined />} data-testid="movement-new">
                  Soạn phong trào
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<MovementSummary>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="movements-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Phong trào', render: (_, m) => <Link to={`/phong-trao/${m.id}`}>{m.title}</Link> },
          { title: 'Loại', dataIndex: 'typeLabel', width: 170 },
          { title: 'Đơn vị phát động', dataIndex: 'unitName', width: 240 },
          { title: 'Thời gian', width: 200, render: (_, m) => `${fmtDate(m.startDate)} – ${fmtDate(m.endDate)}` },
          { title: 'Tình trạng', width: 120, render: (_, m) => statusTag(m.status, m.statusLabel) },
        ]}
      />
    </>
  );
}
