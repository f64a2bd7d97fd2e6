/** Hội nghị điển hình tiên tiến: the conferences held, the form to record one, and the report (DOCX). */
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CloseCircleOutlined, FileWordOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Dayjs } from 'dayjs';
import {
  cancelConference,
  downloadConferenceReport,
  exemplarAbilities,
  listConferences,
  listExemplars,
  recordConference,
  updateConference,
  type Conference,
} from '../../api/exemplars';
import { listDecisions } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { ReasonModal } from '../../components/ReasonModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, fmtDate, fmtDateTime, fromDayjs, toDayjs } from '../../lib/format';
import { ExemplarTabs } from './nav';

interface Values {
  unitId: string;
  title: string;
  heldOn: Dayjs;
  place: string;
  speakers: string[];
  exemplarIds: string[];
  decisionId?: string;
  outcome?: string;
  shortcomings?: string;
  lessons?: string;
  directions?: string;
  reportNumber?: string;
}

/** Records a conference, or (given `conference`) corrects one; its organising unit stays. */
function RecordModal({ open, onClose, conference }: { open: boolean; onClose: () => void; conference?: Conference | null }) {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const exemplars = useQuery({
    queryKey: keys.exemplars.list({ pageSize: 200, state: 'active' }),
    queryFn: () => listExemplars({ pageSize: 200, state: 'active' }),
    enabled: open,
  });
  const decisions = useQuery({ queryKey: ['decisions', 'for-conference'], queryFn: listDecisions, enabled: open });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (conference)
      form.setFieldsValue({
        unitId: conference.unitId,
        title: conference.title,
        heldOn: toDayjs(conference.heldOn),
        place: conference.place,
        speakers: conference.speakers,
        exemplarIds: conference.exemplars.map((e) => e.id),
        decisionId: conference.decisionId ?? undefined,
        outcome: conference.outcome ?? undefined,
        shortcomings: conference.shortcomings ?? undefined,
        lessons: conference.lessons ?? undefined,
        directions: conference.directions ?? undefined,
        reportNumber: conference.reportNumber ?? undefined,
      });
  }, [open, conference, form]);
  // An exemplar honoured then cancelled later stays on the conference: it is kept among the options.
  const options = [
    ...(exemplars.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.unitName})` })),
    ...(conference?.exemplars ?? [])
      .filter((e) => !(exemplars.data?.items ?? []).some((x) => x.id === e.id))
      .map((e) => ({ value: e.id, label: `${e.name} (${e.unitName})` })),
  ];
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        heldOn: fromDayjs(v.heldOn) ?? '',
        place: v.place,
        speakers: v.speakers ?? [],
        exemplarIds: v.exemplarIds,
        decisionId: v.decisionId ?? null,
        outcome: v.outcome ?? null,
        shortcomings: v.shortcomings ?? null,
        lessons: v.lessons ?? null,
        directions: v.directions ?? null,
        reportNumber: v.reportNumber?.trim() || null,
      };
      return conference ? updateConference(conference.id, { ...body, version: conference.version }) : recordConference({ ...body, unitId: v.unitId });
    },
    onSuccess: async () => {
      message.success(conference ? 'Đã lưu thông tin hội nghị.' : 'Đã ghi nhận hội nghị. Có thể tải báo cáo kết quả (DOCX).');
      await qc.invalidateQueries({ queryKey: keys.exemplars.conferences });
      form.resetFields();
      onClose();
    },
  });
  return (
    <FormModal<Values>
      open={open}
      title={conference ? 'Sửa thông tin hội nghị' : 'Ghi nhận Hội nghị điển hình tiên tiến'}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? errorText(save.error) : null}
      okTestId="conference-ok"
      width={720}
      initialValues={{ unitId: user.unitId, speakers: [] }}
    >
      <Form.Item name="unitId" label="Đơn vị tổ chức" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <UnitTreeSelect disabled={Boolean(conference)} />
      </Form.Item>
      <Form.Item name="title" label="Tên hội nghị" rules={[{ required: true, message: 'Nhập tên hội nghị' }]}>
        <Input maxLength={300} data-testid="conference-title" />
      </Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="heldOn" label="Ngày tổ chức" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={DATE_FORMAT} data-testid="conference-date" />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm" rules={[{ required: true, message: 'Nhập địa điểm' }]}>
          <Input style={{ width: 320 }} maxLength={300} data-testid="conference-place" />
        </Form.Item>
      </Space>
      <Form.Item name="exemplarIds" label="Điển hình được biểu dương" rules={[{ required: true, message: 'Chọn ít nhất một điển hình' }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} data-testid="conference-exemplars" loading={exemplars.isPending} options={options} />
      </Form.Item>
      <Form.Item name="speakers" label="Người phát biểu (gõ tên rồi Enter)">
        <Select mode="tags" tokenSeparators={[';']} data-testid="conference-speakers" open={false} />
      </Form.Item>
      <Form.Item name="decisionId" label="Quyết định khen thưởng (nếu có)">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={decisions.isPending}
          options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.numberText} – ${d.title}` }))}
        />
      </Form.Item>
      <Form.Item name="outcome" label="Kết quả hội nghị">
        <Input.TextArea rows={3} maxLength={8000} data-testid="conference-outcome" />
      </Form.Item>
      <Form.Item name="shortcomings" label="Tồn tại, hạn chế" extra="Mỗi dòng là một đoạn trong báo cáo kết quả.">
        <Input.TextArea rows={2} maxLength={8000} data-testid="conference-shortcomings" />
      </Form.Item>
      <Form.Item name="lessons" label="Bài học kinh nghiệm">
        <Input.TextArea rows={2} maxLength={8000} data-testid="conference-lessons" />
      </Form.Item>
      <Form.Item
        name="directions"
        label="Phương hướng thời gian tới"
        extra="Để trống: báo cáo ghi tiếp tục phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình."
      >
        <Input.TextArea rows={2} maxLength={8000} data-testid="conference-directions" />
      </Form.Item>
      <Form.Item
        name="reportNumber"
        label="Số báo cáo kết quả"
        extra='Số văn thư cấp, ví dụ "12" hoặc "12/BC-SKHCN"; để trống thì báo cáo in "Số:    /BC-…" để điền tay.'
        rules={[{ pattern: /^(\d+(\/[\p{L}\d.-]+)?)?$/u, message: 'Số báo cáo dạng "12" hoặc "12/BC-SKHCN".' }]}
      >
        <Input maxLength={50} style={{ width: 220 }} data-testid="conference-report-number" />
      </Form.Item>
    </FormModal>
  );
}

export default function ConferencesPage() {
  const user = useUser();
  const can = exemplarAbilities(user);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Conference | null>(null);
  const [cancelling, setCancelling] = useState<Conference | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...keys.exemplars.conferences, page], queryFn: () => listConferences({ page, pageSize: 20 }) });
  const report = useMutation({ mutationFn: downloadConferenceReport, onError: (e) => message.error(errorText(e)) });
  const cancel = useMutation({
    mutationFn: ({ c, reason }: { c: Conference; reason: string }) => cancelConference(c.id, reason, c.version),
    onSuccess: async () => {
      message.success('Đã hủy hội nghị.');
      setCancelling(null);
      await qc.invalidateQueries({ queryKey: keys.exemplars.conferences });
    },
  });
  return (
    <>
      <PageHeader
        title="Hội nghị điển hình tiên tiến"
        extra={
          can.conference ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="conference-new">
              Ghi nhận hội nghị
            </Button>
          ) : null
        }
      />
      <ExemplarTabs />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<Conference>
        rowKey="id"
        data-testid="conferences-table"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: 'Hội nghị',
            key: 'title',
            width: 280,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{c.title}</span>
                {c.cancelledAt ? (
                  <Typography.Text type="danger" data-testid="conference-cancelled">
                    Đã hủy ({fmtDateTime(c.cancelledAt)}): {c.cancelReason}
                  </Typography.Text>
                ) : null}
                {c.reportNumber ? <Typography.Text type="secondary">Báo cáo số {c.reportNumber}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: 'Ngày', dataIndex: 'heldOn', width: 110, render: (v: string) => fmtDate(v) },
          { title: 'Địa điểm', dataIndex: 'place', width: 180 },
          {
            title: 'Điển hình được biểu dương',
            key: 'ex',
            render: (_, c) => (
              <Space wrap size={4}>
                {c.exemplars.map((e) => (
                  <Tag key={e.id}>{e.name}</Tag>
                ))}
              </Space>
            ),
          },
          { title: 'Người phát biểu', key: 'sp', width: 200, render: (_, c) => c.speakers.join('; ') || '—' },
          { title: 'Quyết định', dataIndex: 'decisionNumber', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'doc',
            width: 130,
            render: (_, c) => (
              <Space orientation="vertical" size={4}>
                {c.abilities.includes('report') ? (
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    loading={report.isPending}
                    onClick={() => report.mutate(c.id)}
                    data-testid="conference-report"
                  >
                    Báo cáo
                  </Button>
                ) : null}
                {c.abilities.includes('update') ? (
                  <Button size="small" icon={<FormOutlined />} onClick={() => setEditing(c)} data-testid="conference-edit">
                    Sửa
                  </Button>
                ) : null}
                {c.abilities.includes('cancel') ? (
                  <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(c)} data-testid="conference-cancel">
                    Hủy
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <RecordModal open={open || editing !== null} conference={editing} onClose={() => (editing ? setEditing(null) : setOpen(false))} />
      <ReasonModal
        open={cancelling !== null}
        title="Hủy hội nghị"
        okText="Hủy hội nghị"
        intro="Hội nghị ghi nhận nhầm hoặc không tổ chức: bản ghi được giữ lại, đánh dấu đã hủy, không lập báo cáo."
        onClose={() => {
          cancel.reset();
          setCancelling(null);
        }}
        onSubmit={(reason) => cancelling && cancel.mutate({ c: cancelling, reason })}
        pending={cancel.isPending}
        error={cancel.isError ? errorText(cancel.error) : null}
        testId="conference-cancel"
      />
    </>
  );
}
