import { App, Button, Card, Col, Descriptions, Flex, Row, Space, Switch, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { deactivateUnit, deleteUnit, exportUnits, reactivateUnit } from '../../api/units';
import { errorText } from '../../api/client';
import type { Unit, UnitNode } from '../../api/units';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/ExportButton';
import { EmptyBlock, ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { useUnits } from '../../lib/hooks';
import { findNode, subtreeStaff } from '../../lib/units';
import { fmtNumber } from '../../lib/format';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal';
import { MergeUnitModal, MoveUnitModal } from './MoveMergeModals';
import { keys } from '../../api/keys';

function toTreeData(nodes: UnitNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <span style={{ color: n.active ? undefined : '#9ca3af' }} data-testid="unit-node">
        {n.name}{' '}
        <Tag style={{ marginInlineStart: 6 }} color={n.active ? 'default' : undefined}>
          {fmtNumber(n.staffCount ?? 0)} người
        </Tag>
        {!n.active ? <Tag>{n.mergedIntoId ? 'Đã sáp nhập' : 'Ngừng hoạt động'}</Tag> : null}
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

function allKeys(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allKeys(n.children)]);
}

export default function UnitsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [showInactive, setShowInactive] = useState(false);
  const units = useUnits(showInactive);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<UnitNode | null>(null);
  const [merging, setMerging] = useState<UnitNode | null>(null);

  const tree = units.data?.tree ?? [];
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const selected = (selectedId ? findNode(tree, selectedId) : undefined) ?? tree[0];
  const canCreate = user.abilities.unit.includes('create');

  const done = async (text: string) => {
    message.success(text);
    await qc.invalidateQueries({ queryKey: keys.units.all });
  };
  const toggleActive = useMutation({
    mutationFn: (u: UnitNode) => (u.active ? deactivateUnit(u.id) : reactivateUnit(u.id)),
    onSuccess: (u) => done(u.active ? `Đã khôi phục hoạt động "${u.name}".` : `Đã ngừng hoạt động "${u.name}".`),
    onError: (err) => message.error(errorText(err)),
  });
  const remove = useMutation({
    mutationFn: (u: UnitNode) => deleteUnit(u.id),
    onSuccess: async () => {
      setSelectedId(null);
      await done('Đã xóa đơn vị.');
    },
    onError: (err) => message.error(errorText(err)),
  });

  const confirmToggle = (u: UnitNode) =>
    modal.confirm({
      title: u.active ? `Ngừng hoạt động "${u.name}"?` : `Khôi phục hoạt động "${u.name}"?`,
      content: u.active
        ? 'Đơn vị sẽ không còn xuất hiện trong danh sách chọn; dữ liệu cũ vẫn được giữ nguyên và có thể khôi phục lại.'
        : 'Đơn vị sẽ hoạt động trở lại và xuất hiện trong các danh sách chọn.',
      okText: u.active ? 'Ngừng hoạt động' : 'Khôi phục',
      cancelText: 'Hủy',
      okButtonProps: { danger: u.active },
      onOk: () => toggleActive.mutateAsync(u).catch(() => undefined),
    });
  const confirmDelete = (u: UnitNode) =>
    modal.confirm({
      title: `Xóa đơn vị "${u.name}"?`,
      content: 'Chỉ xóa được đơn vị tạo nhầm, chưa có cán bộ, đơn vị trực thuộc, tài khoản hay hội đồng. Với đơn vị đã có dữ liệu, hãy dùng "Ngừng hoạt động".',
      okText: 'Xóa',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(u).catch(() => undefined),
    });

  const can = (a: Unit['abilities'][number]) => !!selected && selected.abilities.includes(a);

  return (
    <>
      <PageHeader
        title="Cơ cấu tổ chức"
        subtitle="Cây đơn vị trong phạm vi quản lý của bạn, kèm số cán bộ đang theo dõi ở từng đơn vị."
        extra={
          <>
            <ExportButton download={() => exportUnits(showInactive)} />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parentId: selected?.id })} data-testid="unit-add">
                Thêm đơn vị
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title="Sơ đồ đơn vị"
            extra={
              <Space>
                <Typography.Text type="secondary">Hiện đơn vị ngừng hoạt động</Typography.Text>
                <Switch size="small" checked={showInactive} onChange={setShowInactive} data-testid="unit-show-inactive" />
              </Space>
            }
          >
            {units.isPending ? (
              <LoadingBlock />
            ) : units.isError ? (
              <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
            ) : tree.length === 0 ? (
              <EmptyBlock text="Chưa có đơn vị nào trong phạm vi của bạn." />
            ) : (
              <div data-testid="unit-tree">
                <Tree
                  key={showInactive ? 'all' : 'active'}
                  treeData={treeData}
                  defaultExpandedKeys={allKeys(tree)}
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => {
                    const k = keys[0];
                    if (typeof k === 'string') setSelectedId(k);
                  }}
                  showLine
                  blockNode
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="Thông tin đơn vị" data-testid="unit-detail">
            {!selected ? (
              <EmptyBlock text="Chọn một đơn vị trên sơ đồ để xem thông tin và thao tác." />
            ) : (
              <>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {selected.name}
                </Typography.Title>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  styles={{ label: { width: 150 } }}
                  items={[
                    { key: 'kind', label: 'Loại đơn vị', children: selected.kindLabel },
                    { key: 'short', label: 'Tên viết tắt', children: selected.shortName ?? '—' },
                    { key: 'code', label: 'Ký hiệu', children: selected.code ?? '—' },
                    {
                      key: 'status',
                      label: 'Trạng thái',
                      children: selected.active ? (
                        <Tag color="green">Đang hoạt động</Tag>
                      ) : (
                        <Tag>{selected.mergedIntoId ? 'Đã sáp nhập' : 'Ngừng hoạt động'}</Tag>
                      ),
                    },
                    { key: 'staff', label: 'Cán bộ trực tiếp', children: fmtNumber(selected.staffCount ?? 0) },
                    { key: 'staffAll', label: 'Cả đơn vị trực thuộc', children: fmtNumber(subtreeStaff(selected)) },
                    { key: 'children', label: 'Đơn vị trực thuộc', children: fmtNumber(selected.children.length) },
                  ]}
                />
                <Flex wrap gap={8} style={{ marginTop: 16 }}>
                  <Button icon={<TeamOutlined />} onClick={() => navigate(`/can-bo?unitId=${selected.id}`)}>
                    Xem cán bộ
                  </Button>
                  {can('create') ? (
                    <Button icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parentId: selected.id })} data-testid="unit-add-child">
                      Thêm đơn vị trực thuộc
                    </Button>
                  ) : null}
                  {can('update') ? (
                    <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', unit: selected })} data-testid="unit-edit">
                      Sửa, đổi tên
                    </Button>
                  ) : null}
                  {can('move') ? (
                    <Button icon={<DragOutlined />} onClick={() => setMoving(selected)} data-testid="unit-move">
                      Chuyển đơn vị
                    </Button>
                  ) : null}
                  {can('merge') ? (
                    <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(selected)} data-testid="unit-merge">
                      Sáp nhập
                    </Button>
                  ) : null}
                  {can('deactivate') ? (
                    <Button
                      icon={selected.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                      onClick={() => confirmToggle(selected)}
                      data-testid="unit-toggle-active"
                    >
                      {selected.active ? 'Ngừng hoạt động' : 'Khôi phục hoạt động'}
                    </Button>
                  ) : null}
                  {can('delete') ? (
                    <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(selected)} data-testid="unit-delete">
                      Xóa
                    </Button>
                  ) : null}
                </Flex>
              </>
            )}
          </Card>
        </Col>
      </Row>
      <UnitFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <MoveUnitModal unit={moving} onClose={() => setMoving(null)} />
      <MergeUnitModal unit={merging} onClose={() => setMerging(null)} />
    </>
  );
}
