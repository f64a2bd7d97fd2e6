/** Dossier lists: a unit's own dossiers, the Office's inbox, with the working-day clock of each step. */
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { createDossier, exportDossiers, grantExtension, listDossiers, pipelineAbilities, setSubmissionDeadline, type DossierSummary } from '../../api/dossiers';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import type { Dayjs } from 'dayjs';
import { DatePicker } from 'antd';
import { fromDayjs } from '../../lib/format';
import { listMovements } from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/hooks';
import { COMMENDATION_TYPES, COMMENDATION_TYPE_LABELS, type CommendationType } from '../../../shared/codes';
import { DOSSIER_STAGES, DOSSIER_STATUSES, DOSSIER_STATUS_LABELS } from '../../../shared/dossiers';
import { codeOf } from '../../lib/codes';
import { useUrlFilter, yearParam } from '../../lib/url-filter';
import { ClockTag, StatusTag } from './common';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { currentYearVn } from '../../lib/today';

const BOXES = ['inbox', 'mine', 'all'] as const;

function NewDossierModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ movementId?: string; type: CommendationType; year: number; title: string; summary?: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const movements = useQuery({ queryKey: keys.movements.forDossier, queryFn: () => listMovements({}), enabled: open });
  const create = useMutation({
    mutationFn: createDossier,
    onSuccess: (d) => {
      message.success('Đã lập hồ sơ.');
      onClose();
      void navigate(`/ho-so/${d.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={open}
      title="Lập hồ sơ đề nghị khen thưởng"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lập hồ sơ"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'chuyen_de', year: currentYearVn() }}
        onFinish={(v) => create.mutate({ ...v, movementId: v.movementId ?? null })}
      >
        <Form.Item name="movementId" label="Phong trào / đợt thi đua (nếu có)">
          <Select
            allowClear
            placeholder="Không theo phong trào (đột xuất, theo năm…)"
            options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title} (${m.year})` }))}
            data-testid="dossier-movement"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label="Loại hình khen thưởng" rules={[{ required: true }]}>
            <Select style={{ width: 300 }} options={COMMENDATION_TYPES.map((t) => ({ value: t, label: COMMENDATION_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="Tên hồ sơ" rules={[{ required: true, min: 3, message: 'Hãy nhập tên hồ sơ.' }]}>
          <Input placeholder="Đề nghị khen thưởng đợt thi đua …" data-testid="dossier-title" />
        </Form.Item>
        <Form.Item name="summary" label="Tóm tắt (dùng cho tờ trình)">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The Office sets a movement's submission deadline and grants a late unit an extension (with its reason). */
function DeadlineModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ movementId: string; dueDate?: Dayjs; unitId?: string; until?: Dayjs; reason?: string }>();
  const { message } = App.useApp();
  const movements = useQuery({ queryKey: keys.movements.forDossier, queryFn: () => listMovements({}), enabled: open });
  const save = useMutation({
    mutationFn: async (v: { movementId: string; dueDate?: Dayjs; unitId?: string; until?: Dayjs; reason?: string }) => {
      if (v.dueDate) await setSubmissionDeadline({ movementId: v.movementId, dueDate: fromDayjs(v.dueDate)! });
      if (v.unitId && v.until) await grantExtension({ movementId: v.movementId, unitId: v.unitId, until: fromDayjs(v.until)!, reason: v.reason ?? '' });
    },
    onSuccess: () => {
      message.success('Đã lưu.');
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={open}
      title="Hạn nộp hồ sơ và gia hạn"
      okText="Lưu"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="movementId" label="Phong trào" rules={[{ required: true, message: 'Hãy chọn phong trào.' }]}>
          <Select options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title} (${m.year})` }))} />
        </Form.Item>
        <Form.Item name="dueDate" label="Hạn nộp hồ sơ (quá hạn không nhận)">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Typography.Text strong>Gia hạn cho một đơn vị</Typography.Text>
        <Form.Item name="unitId" label="Đơn vị">
          <UnitTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="until" label="Gia hạn đến ngày">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="reason" label="Lý do gia hạn">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DossiersPage() {
  const user = useUser();
  const ab = pipelineAbilities(user);
  // The filter lives in the address: the dashboard links here with ?box=all&status=…&year=…
  const [url, setUrl] = useUrlFilter(['box', 'status', 'stage', 'year'] as const);
  const box = codeOf(BOXES, url.box) ?? (ab.office ? 'inbox' : 'all');
  const status = codeOf(DOSSIER_STATUSES, url.status);
  const stage = codeOf(DOSSIER_STAGES, url.stage);
  const year = yearParam(url.year);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [deadlines, setDeadlines] = useState(false);
  const q = useDebounced(search.trim());
  const filter = { box, status, stage, year, q: q || undefined };
  const list = useQuery({
    queryKey: keys.dossiers.list(box, `${status ?? ''}|${stage ?? ''}|${year ?? ''}`, q, page),
    queryFn: () => listDossiers({ ...filter, page, pageSize: 20 }),
  });
  const setFilter = (patch: Parameters<typeof setUrl>[0]) => {
    setUrl(patch);
    setPage(1);
  };
  const columns = [
    {
      title: 'Hồ sơ',
      key: 'title',
      render: (_: unknown, d: DossierSummary) => (
        <div>
          <Link to={`/ho-so/${d.id}`} data-testid="dossier-link">
            {d.title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.typeLabel} · năm {d.year}
              {d.level === 'upward' ? ` · trình ${d.receiverName ?? 'cấp trên'}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', width: 220 },
    { title: 'Số đề nghị', dataIndex: 'candidateCount', key: 'n', width: 100, align: 'right' as const },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 200,
      render: (_: unknown, d: DossierSummary) => (
        <Space direction="vertical" size={2}>
          <StatusTag status={d.status} label={d.statusLabel} />
          <ClockTag clock={d.clock} />
        </Space>
      ),
    },
    {
      title: 'Nộp lúc',
      key: 'at',
      width: 150,
      render: (_: unknown, d: DossierSummary) => (d.submittedAt ? `${fmtDateTime(d.submittedAt)}${d.revision > 1 ? ` (lần ${d.revision})` : ''}` : '—'),
    },
  ];
  return (
    <>
      <PageHeader
        title="Hồ sơ đề nghị khen thưởng"
        subtitle={
          ab.office
            ? 'Hồ sơ các đơn vị gửi đến: tiếp nhận hoặc trả lại, thẩm định, đưa ra Hội đồng.'
            : 'Hồ sơ của đơn vị: lập danh sách, đính kèm tài liệu, nộp đúng hạn.'
        }
        extra={
          <>
            <ExportButton download={() => exportDossiers(filter)} />
            {ab.manageDeadlines ? <Button onClick={() => setDeadlines(true)}>Hạn nộp, gia hạn</Button> : null}
            {ab.createDossier ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="dossier-new">
                Lập hồ sơ
              </Button>
            ) : null}
          </>
        }
      />
      {ab.office ? (
        <Tabs
          activeKey={box}
          onChange={(k) => setFilter({ box: k })}
          items={[
            { key: 'inbox', label: 'Hồ sơ gửi đến' },
            { key: 'mine', label: 'Hồ sơ của cơ quan (trình cấp trên)' },
            { key: 'all', label: 'Tất cả' },
          ]}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="Tìm theo tên hồ sơ, đơn vị (không dấu cũng được)"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          style={{ width: 360, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder="Trạng thái"
          value={status ?? (stage ? 'in_progress' : undefined)}
          onChange={(v?: string) => setFilter(v === 'in_progress' ? { stage: v, status: undefined } : { status: v, stage: undefined })}
          style={{ width: 220 }}
          data-testid="dossier-status"
          options={[{ value: 'in_progress', label: 'Đang xử lý (mọi bước)' }, ...DOSSIER_STATUSES.map((s) => ({ value: s, label: DOSSIER_STATUS_LABELS[s] }))]}
        />
        <InputNumber<number>
          aria-label="Năm"
          placeholder="Năm"
          min={2000}
          max={2100}
          value={year ?? null}
          onChange={(v) => setFilter({ year: v })}
          style={{ width: 110 }}
          data-testid="dossier-year"
        />
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `${t} hồ sơ` }}
        locale={{ emptyText: 'Chưa có hồ sơ nào.' }}
        data-testid="dossier-table"
      />
      <NewDossierModal open={creating} onClose={() => setCreating(false)} />
      <DeadlineModal open={deadlines} onClose={() => setDeadlines(false)} />
    </>
  );
}
