import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import { CloudUploadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { exportPeople, listPeople, type PeopleFilter } from '../../api/people';
import type { Person } from '../../api/people';
import { useUser } from '../../auth/AuthContext';
import { EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_LABELS, GENDERS, GENDER_LABELS, type EmploymentType, type Gender } from '../../../shared/codes';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/ExportButton';
import { EmptyBlock, ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../lib/hooks';
import { fmtDate, fmtNumber } from '../../lib/format';
import { PersonFormDrawer, type PersonFormTarget } from './PersonFormDrawer';
import { keys } from '../../api/keys';

const boolParam = (v: string | null): boolean | undefined => (v === 'true' ? true : v === 'false' ? false : undefined);

/** Filters live in the URL so that back/forward and shared links keep them. */
function filterFromParams(p: URLSearchParams): PeopleFilter {
  const type = p.get('employmentType');
  const gender = p.get('gender');
  return {
    q: p.get('q') ?? undefined,
    unitId: p.get('unitId') ?? undefined,
    includeSubunits: p.get('includeSubunits') !== 'false',
    employmentType: (EMPLOYMENT_TYPES as readonly string[]).includes(type ?? '') ? (type as EmploymentType) : undefined,
    isLeader: boolParam(p.get('isLeader')),
    gender: (GENDERS as readonly string[]).includes(gender ?? '') ? (gender as Gender) : undefined,
    active: p.get('active') === 'all' ? undefined : p.get('active') === 'false' ? false : true,
    page: Number(p.get('page') ?? 1) || 1,
    pageSize: Number(p.get('pageSize') ?? 50) || 50,
  };
}

export default function PeoplePage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [search, setSearch] = useState(filter.q ?? '');
  const debounced = useDebounced(search.trim(), 350);
  const [formTarget, setFormTarget] = useState<PersonFormTarget | null>(null);

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((filter.q ?? '') !== debounced) update({ q: debounced || undefined });
  }, [debounced]);

  const people = useQuery({ queryKey: keys.people.list(filter), queryFn: () => listPeople(filter), placeholderData: keepPreviousData });
  const canCreate = user.abilities.person.includes('create');
  const canImport = user.abilities.person.includes('import');
  const canUpdate = user.abilities.person.includes('update');
  const activeParam = params.get('active') ?? 'true';

  const pagination: TablePaginationConfig = {
    current: filter.page,
    pageSize: filter.pageSize,
    total: people.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total, range) => `${fmtNumber(range[0])}–${fmtNumber(range[1])} trên ${fmtNumber(total)} cán bộ`,
  };

  return (
    <>
      <PageHeader
        title="Cán bộ"
        subtitle="Danh sách cán bộ, công chức, viên chức, người lao động trong phạm vi của bạn."
        extra={
          <>
            <ExportButton download={() => exportPeople(filter)} />
            {canImport ? (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/can-bo/nhap-excel')} data-testid="people-import">
                Nhập từ Excel
              </Button>
            ) : null}
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', unitId: filter.unitId })} data-testid="people-add">
                Thêm cán bộ
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="Tìm theo họ tên, CCCD… (gõ có dấu hoặc không dấu)"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 340 }}
            data-testid="people-search"
          />
          <UnitTreeSelect
            value={filter.unitId}
            onChange={(v) => update({ unitId: v })}
            allowClear
            placeholder="Tất cả đơn vị"
            style={{ width: 300 }}
            data-testid="people-unit-filter"
          />
          <Checkbox
            checked={filter.includeSubunits}
            onChange={(e) => update({ includeSubunits: e.target.checked ? undefined : 'false' })}
            disabled={!filter.unitId}
          >
            Gồm đơn vị trực thuộc
          </Checkbox>
          <Select
            allowClear
            placeholder="Loại cán bộ"
            value={filter.employmentType}
            onChange={(v: EmploymentType | undefined) => update({ employmentType: v })}
            options={EMPLOYMENT_TYPES.map((t) => ({ value: t, label: EMPLOYMENT_TYPE_LABELS[t] }))}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder="Lãnh đạo"
            value={filter.isLeader === undefined ? undefined : String(filter.isLeader)}
            onChange={(v: string | undefined) => update({ isLeader: v })}
            options={[
              { value: 'true', label: 'Lãnh đạo' },
              { value: 'false', label: 'Không phải lãnh đạo' },
            ]}
            style={{ width: 190 }}
          />
          <Select
            allowClear
            placeholder="Giới tính"
            value={filter.gender}
            onChange={(v: Gender | undefined) => update({ gender: v })}
            options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
            style={{ width: 120 }}
          />
          <Select
            value={activeParam}
            onChange={(v: string) => update({ active: v === 'true' ? undefined : v })}
            options={[
              { value: 'true', label: 'Đang theo dõi' },
              { value: 'false', label: 'Ngừng theo dõi' },
              { value: 'all', label: 'Tất cả trạng thái' },
            ]}
            style={{ width: 170 }}
          />
        </Flex>
      </Card>
      {people.isError ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <div data-testid="people-table">
          <Table<Person>
            rowKey="id"
            size="middle"
            loading={people.isFetching}
            dataSource={people.data?.items ?? []}
            pagination={pagination}
            onChange={(p) => update({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? 50) }, false)}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: people.isPending ? (
                <span />
              ) : (
                <EmptyBlock
                  text={
                    filter.q || filter.unitId || filter.employmentType || filter.gender || filter.isLeader !== undefined
                      ? 'Không có cán bộ nào khớp bộ lọc. Hãy thử bỏ bớt điều kiện hoặc tìm bằng từ khóa khác.'
                      : 'Chưa có cán bộ nào. Hãy thêm cán bộ hoặc nhập danh sách từ tệp Excel.'
                  }
                />
              ),
            }}
            columns={[
              {
                title: 'Họ và tên',
                dataIndex: 'fullName',
                fixed: 'left',
                width: 220,
                render: (v: string, p) => (
                  <Link to={`/can-bo/${p.id}`} data-testid="people-row-link">
                    {v}
                  </Link>
                ),
              },
              { title: 'Đơn vị', dataIndex: 'unitName', ellipsis: true, render: (v: string | null) => v ?? '—' },
              {
                title: 'Chức vụ',
                dataIndex: 'position',
                width: 200,
                render: (v: string | null, p) => (
                  <Space size={4} wrap>
                    {v ?? '—'}
                    {p.isLeader ? <Tag color="blue">Lãnh đạo</Tag> : null}
                  </Space>
                ),
              },
              { title: 'Giới tính', dataIndex: 'genderLabel', width: 90, render: (v: string | null) => v ?? '—' },
              { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: (v: string | null) => fmtDate(v) },
              { title: 'Loại cán bộ', dataIndex: 'employmentTypeLabel', width: 140, render: (v: string | null) => v ?? '—' },
              {
                title: 'Trạng thái',
                dataIndex: 'active',
                width: 130,
                render: (v: boolean) => (v ? <Tag color="green">Đang theo dõi</Tag> : <Tag>Ngừng theo dõi</Tag>),
              },
              {
                title: 'Thao tác',
                key: 'actions',
                width: 100,
                render: (_: unknown, p) =>
                  canUpdate ? (
                    <Typography.Link onClick={() => setFormTarget({ mode: 'edit', person: p })} data-testid="people-row-edit">
                      Sửa
                    </Typography.Link>
                  ) : (
                    <Link to={`/can-bo/${p.id}`}>Xem</Link>
                  ),
              },
            ]}
          />
        </div>
      )}
      <PersonFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
    </>
  );
}
