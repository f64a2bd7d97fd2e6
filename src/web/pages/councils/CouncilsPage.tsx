import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { exportCouncils, listCouncils, removeCouncilMember } from '../../api/councils';
import { errorText } from '../../api/client';
import type { Council, CouncilMember } from '../../api/councils';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/ExportButton';
import { EmptyBlock, ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { AddMemberModal, CouncilFormModal, type CouncilFormTarget } from './CouncilModals';
import { keys } from '../../api/keys';

function term(c: Council): string {
  return c.termEnd ? `${fmtDate(c.termStart)} – ${fmtDate(c.termEnd)}` : `Từ ${fmtDate(c.termStart)}`;
}

function CouncilCard({ council, onEdit, onAddMember }: { council: Council; onEdit: () => void; onAddMember: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const canManage = council.abilities.includes('manageMembers');
  const remove = useMutation({
    mutationFn: (m: CouncilMember) => removeCouncilMember(council.id, m.id),
    onSuccess: async () => {
      message.success('Đã bớt thành viên.');
      await qc.invalidateQueries({ queryKey: keys.councils });
    },
    onError: (err) => message.error(errorText(err)),
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="council-card"
      title={
        <Space wrap>
          <span>{council.name ?? council.kindLabel}</span>
          {council.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Hết hoạt động</Tag>}
        </Space>
      }
      extra={
        <Space>
          {canManage ? (
            <Button size="small" icon={<UserAddOutlined />} onClick={onAddMember} data-testid="council-add-member">
              Thêm thành viên
            </Button>
          ) : null}
          {council.abilities.includes('update') ? (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              Sửa
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'kind', label: 'Loại', children: council.kindLabel },
          { key: 'unit', label: 'Đơn vị', children: council.unitName ?? '—' },
          { key: 'term', label: 'Nhiệm kỳ', children: term(council) },
          { key: 'by', label: 'Căn cứ thành lập', children: council.establishedBy ?? '—', span: 3 },
        ]}
      />
      <Table<CouncilMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={council.members}
        locale={{
          emptyText: <EmptyBlock text={canManage ? 'Hội đồng chưa có thành viên. Bấm "Thêm thành viên" để bổ sung.' : 'Hội đồng chưa có thành viên.'} />,
        }}
        columns={[
          {
            title: 'Chức danh',
            dataIndex: 'positionLabel',
            width: 130,
            render: (v: string, m) => (
              <Tag color={m.position === 'chu_tich' ? 'red' : m.position === 'pho_chu_tich' ? 'volcano' : m.position === 'thu_ky' ? 'blue' : 'default'}>
                {v}
              </Tag>
            ),
          },
          { title: 'Họ và tên', dataIndex: 'fullName', render: (v: string, m) => <Link to={`/can-bo/${m.personId}`}>{v}</Link> },
          { title: 'Chức vụ', dataIndex: 'personPosition', render: (v: string | null) => v ?? '—' },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Từ ngày', dataIndex: 'fromDate', width: 110, render: (v: string | null) => fmtDate(v) },
          { title: 'Đến ngày', dataIndex: 'toDate', width: 110, render: (v: string | null) => fmtDate(v) },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, m: CouncilMember) => (
                    <Popconfirm
                      title={`Bớt ${m.fullName} khỏi hội đồng?`}
                      okText="Bớt"
                      cancelText="Hủy"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(m).catch(() => undefined)}
                    >
                      <Typography.Link type="danger">Bớt</Typography.Link>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function CouncilsPage() {
  const user = useUser();
  const councils = useQuery({ queryKey: keys.councils, queryFn: listCouncils });
  const [formTarget, setFormTarget] = useState<CouncilFormTarget | null>(null);
  const [adding, setAdding] = useState<Council | null>(null);
  const canCreate = user.abilities.council.includes('create');

  return (
    <>
      <PageHeader
        title="Hội đồng"
        subtitle="Hội đồng Thi đua - Khen thưởng và Hội đồng Sáng kiến: thành phần, chức danh, nhiệm kỳ."
        extra={
          <>
            <ExportButton download={exportCouncils} />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', unitId: user.unitId })} data-testid="council-add">
                Thành lập hội đồng
              </Button>
            ) : null}
          </>
        }
      />
      {councils.isPending ? (
        <LoadingBlock />
      ) : councils.isError ? (
        <ErrorAlert error={councils.error} onRetry={() => void councils.refetch()} />
      ) : councils.data.items.length === 0 ? (
        <Card>
          <EmptyBlock
            text={
              canCreate
                ? 'Chưa có hội đồng nào. Bấm "Thành lập hội đồng" để tạo Hội đồng Thi đua - Khen thưởng của đơn vị.'
                : 'Chưa có hội đồng nào trong phạm vi của bạn.'
            }
          />
        </Card>
      ) : (
        <Flex vertical>
          {councils.data.items.map((c) => (
            <CouncilCard key={c.id} council={c} onEdit={() => setFormTarget({ mode: 'edit', council: c })} onAddMember={() => setAdding(c)} />
          ))}
        </Flex>
      )}
      <CouncilFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <AddMemberModal council={adding} onClose={() => setAdding(null)} />
    </>
  );
}
