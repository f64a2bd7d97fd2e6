/** Hội nghị điển hình tiên tiến: the conferences held, the form to record one, and the report (DOCX). */
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { downloadConferenceReport, exemplarAbilities, listConferences, listExemplars, recordConference, type Conference } from '../../api/exemplars';
import { listDecisions } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, fmtDate, fromDayjs } from '../../lib/format';
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
}

function RecordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const exemplars = useQuery({ queryKey: keys.exemplars.list({ pageSize: 200 }), queryFn: () => listExemplars({ pageSize: 200 }), enabled: open });
  const decisions = useQuery({ queryKey: ['decisions', 'for-conference'], queryFn: listDecisions, enabled: open });
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordConference({
        unitId: v.unitId,
        title: v.title,
        heldOn: fromDayjs(v.heldOn) ?? '',
        place: v.place,
        speakers: v.speakers ?? [],
        exemplarIds: v.exemplarIds,
        decisionId: v.decisionId ?? null,
        outcome: v.outcome ?? null,
      }),
    onSuccess: async () => {
      message.success('Đã ghi nhận hội nghị. Có thể tải báo cáo kết quả (DOCX).');
      await qc.invalidateQueries({ queryKey: keys.exemplars.conferences });
      form.resetFields();
      onClose();
    },
  });
  return (
    <FormModal<Values>
      open={open}
      title="Ghi nhận Hội nghị điển hình tiên tiến"
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? errorText(save.error) : null}
      okTestId="conference-ok"
      width={720}
      initialValues={{ unitId: user.unitId, speakers: [] }}
    >
      <Form.Item name="unitId" label="Đơn vị tổ chức" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <UnitTreeSelect />
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
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="conference-exemplars"
          loading={exemplars.isPending}
          options={(exemplars.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.unitName})` }))}
        />
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
    </FormModal>
  );
}

export default function ConferencesPage() {
  const user = useUser();
  const can = exemplarAbilities(user);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...keys.exemplars.conferences, page], queryFn: () => listConferences({ page, pageSize: 20 }) });
  const report = useMutation({ mutationFn: downloadConferenceReport, onError: (e) => message.error(errorText(e)) });
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
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: 'Hội nghị', dataIndex: 'title' },
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
            width: 120,
            render: (_, c) => (
              <Button size="small" icon={<FileWordOutlined />} loading={report.isPending} onClick={() => report.mutate(c.id)} data-testid="conference-report">
                Báo cáo
              </Button>
            ),
          },
        ]}
      />
      <RecordModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
