/** Council sessions: list and a new session with its agenda (appraised candidates). */
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { createSession, listSessions, pipelineAbilities, sessionCandidates, type SessionSummary } from '../../api/dossiers';
import { listCouncils } from '../../api/councils';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate, fromDayjs } from '../../lib/format';
import { keys } from '../../api/keys';

function NewSessionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ councilId: string; title: string; meetingDate: Dayjs; location?: string; candidateIds: string[] }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const councils = useQuery({ queryKey: keys.councils, queryFn: listCouncils, enabled: open });
  const cands = useQuery({ queryKey: keys.sessionCandidates, queryFn: sessionCandidates, enabled: open });
  const create = useMutation({
    mutationFn: (v: { councilId: string; title: string; meetingDate: Dayjs; location?: string; candidateIds: string[] }) =>
      createSession({ ...v, meetingDate: fromDayjs(v.meetingDate)!, location: v.location ?? null }),
    onSuccess: (s) => {
      onClose();
      void navigate(`/phien-hop/${s.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Tạo phiên họp"
      title="Phiên họp Hội đồng Thi đua - Khen thưởng"
      width={760}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ candidateIds: [] }}>
        <Form.Item name="councilId" label="Hội đồng" rules={[{ required: true, message: 'Hãy chọn Hội đồng.' }]}>
          <Select options={(councils.data?.items ?? []).filter((c) => c.kind === 'tdkt').map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="title" label="Tên phiên họp" rules={[{ required: true, min: 3 }]}>
          <Input placeholder="Phiên họp xét khen thưởng đợt thi đua …" />
        </Form.Item>
        <Form.Item name="meetingDate" label="Ngày họp" rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="location" label="Địa điểm">
          <Input />
        </Form.Item>
        <Form.Item name="candidateIds" label="Chương trình: các đề nghị đã thẩm định">
          <Select
            mode="multiple"
            options={(cands.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName} — ${c.honorLabel} (${c.unitName})` }))}
            placeholder="Chọn đề nghị"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function SessionsPage() {
  const user = useUser();
  const ab = pipelineAbilities(user);
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: keys.sessions, queryFn: listSessions });
  return (
    <>
      <PageHeader
        title="Phiên họp Hội đồng"
        subtitle="Chương trình, điểm danh, xung đột lợi ích, bỏ phiếu kín và kiểm phiếu."
        extra={
          ab.createSession ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              Tạo phiên họp
            </Button>
          ) : null
        }
      />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      <Table
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: 'Chưa có phiên họp nào.' }}
        columns={[
          { title: 'Phiên họp', key: 't', render: (_: unknown, s: SessionSummary) => <Link to={`/phien-hop/${s.id}`}>{s.title}</Link> },
          { title: 'Hội đồng', dataIndex: 'councilName', key: 'c' },
          { title: 'Ngày họp', key: 'd', width: 120, render: (_: unknown, s: SessionSummary) => fmtDate(s.meetingDate) },
          { title: 'Số đề nghị', dataIndex: 'itemCount', key: 'n', width: 110, align: 'right' as const },
          {
            title: 'Trạng thái',
            key: 's',
            width: 160,
            render: (_: unknown, s: SessionSummary) => (
              <Tag color={s.status === 'open' ? 'processing' : s.status === 'closed' ? 'green' : 'default'}>{s.statusLabel}</Tag>
            ),
          },
        ]}
      />
      <NewSessionModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
