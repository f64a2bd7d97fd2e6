/** A person's record and transfer history (detail page and "Hồ sơ của tôi"). */
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import type { PersonDetail, Transfer } from '../api/people';
import { fmtDate } from '../lib/format';
import { EmptyBlock } from './PageStates';

export function PersonDescriptions({ person }: { person: PersonDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 170 } }}
      items={[
        { key: 'name', label: 'Họ và tên', children: <strong>{person.fullName}</strong> },
        {
          key: 'status',
          label: 'Trạng thái',
          children: person.active ? <Tag color="green">Đang theo dõi</Tag> : <Tag>Ngừng theo dõi</Tag>,
        },
        { key: 'unit', label: 'Đơn vị', children: person.unitName ?? '—' },
        {
          key: 'position',
          label: 'Chức vụ',
          children: (
            <Space size={6}>
              {person.position ?? '—'}
              {person.isLeader ? <Tag color="blue">Lãnh đạo</Tag> : null}
            </Space>
          ),
        },
        { key: 'gender', label: 'Giới tính', children: person.genderLabel ?? '—' },
        { key: 'birth', label: 'Ngày sinh', children: fmtDate(person.birthDate) },
        { key: 'cccd', label: 'Số CCCD', children: person.cccd ?? '—' },
        { key: 'type', label: 'Loại cán bộ', children: person.employmentTypeLabel ?? '—' },
        { key: 'email', label: 'Thư điện tử', children: person.email ?? '—', span: 2 },
      ]}
    />
  );
}

export function TransferHistory({ transfers }: { transfers: Transfer[] }) {
  return (
    <Card title="Quá trình điều chuyển" size="small" style={{ marginTop: 16 }}>
      <Table<Transfer>
        rowKey="id"
        size="small"
        dataSource={transfers}
        pagination={false}
        locale={{ emptyText: <EmptyBlock text="Chưa có lần điều chuyển nào: cán bộ vẫn công tác tại đơn vị ban đầu." /> }}
        columns={[
          { title: 'Ngày hiệu lực', dataIndex: 'effectiveDate', width: 130, render: (v: string) => fmtDate(v) },
          { title: 'Từ đơn vị', dataIndex: 'fromUnitName', render: (v: string | null) => v ?? '—' },
          { title: 'Đến đơn vị', dataIndex: 'toUnitName', render: (v: string | null) => v ?? '—' },
          { title: 'Lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
