/** One inspection plan, and one inspection: checklist from data, findings, conclusion, follow-up, closing. */
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  addFinding,
  approveInspectionPlan,
  closeInspection,
  concludeInspection,
  downloadConclusion,
  downloadPlanDocument,
  getInspection,
  getInspectionPlan,
  removeFinding,
  reportFollowUp,
  reviewFollowUp,
  type Inspection,
} from '../../api/inspections';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate, fromDayjs } from '../../lib/format';
import { NewPlanModal, statusTag } from './InspectionsPage';

const RESULT_COLORS: Record<string, string> = { pass: 'green', fail: 'red', no_data: 'default' };

export function InspectionPlanPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.inspections.plan(id), queryFn: () => getInspectionPlan(id) });
  const [editing, setEditing] = useState(false);
  const approve = useMutation({
    mutationFn: () => approveInspectionPlan(id),
    onSuccess: async () => {
      message.success('Đã ban hành kế hoạch kiểm tra.');
      await qc.invalidateQueries({ queryKey: keys.inspections.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock />;
  const p = q.data;
  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <Space wrap>
            {statusTag(p.status, p.statusLabel)} {p.unitName}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<FileWordOutlined />} onClick={() => void downloadPlanDocument(id)}>
              Kế hoạch kiểm tra (Word)
            </Button>
            {p.abilities.includes('update') ? (
              <Button onClick={() => setEditing(true)} data-testid="inspection-plan-edit">
                Sửa dự thảo
              </Button>
            ) : null}
            {p.abilities.includes('approve') ? (
              <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()} data-testid="inspection-plan-approve">
                Ban hành
              </Button>
            ) : null}
          </Space>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Số">{p.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Thời gian">{`${fmtDate(p.periodFrom)} – ${fmtDate(p.periodTo)}`}</Descriptions.Item>
        <Descriptions.Item label="Nội dung kiểm tra" span={2}>
          {p.content.map((c, i) => (
            <div key={i}>{`${i + 1}. ${c}`}</div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="Đoàn kiểm tra" span={2}>
          {p.team.map((m) => `${m.name} (${m.role})`).join('; ')}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        dataSource={p.inspections}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Đơn vị được kiểm tra', render: (_, r) => <Link to={`/kiem-tra/${r.id}`}>{r.unitName}</Link> },
          { title: 'Lịch', render: (_, r) => `${fmtDate(r.scheduledFrom)} – ${fmtDate(r.scheduledTo)}` },
          { title: 'Tình trạng', render: (_, r) => statusTag(r.status, r.statusLabel) },
        ]}
      />
      {editing ? <NewPlanModal open onClose={() => setEditing(false)} plan={p} /> : null}
    </>
  );
}

interface FindingForm {
  finding: string;
  recommendation: string;
  dueDate: Dayjs;
  ownerUnitId: string;
  ownerName?: string;
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [findingOpen, setFindingOpen] = useState(false);
  const [concludeOpen, setConcludeOpen] = useState(false);
  const [reportFor, setReportFor] = useState<string | null>(null);
  const [findingForm] = Form.useForm<FindingForm>();
  const [concludeForm] = Form.useForm<{ inspectedDate: Dayjs; conclusion: string; conclusionNumber?: string }>();
  const [reportForm] = Form.useForm<{ report: string }>();
  const q = useQuery({ queryKey: keys.inspections.one(id), queryFn: () => getInspection(id) });
  const done = (text: string) => async (data: Inspection) => {
    message.success(text);
    qc.setQueryData(keys.inspections.one(id), data);
    await qc.invalidateQueries({ queryKey: keys.inspections.all });
  };
  const onError = (e: unknown) => message.error(errorText(e));
  const add = useMutation({
    mutationFn: (v: FindingForm) => addFinding(id, { ...v, dueDate: fromDayjs(v.dueDate) ?? '', ownerName: v.ownerName ?? null }),
    onSuccess: async (d) => {
      await done('Đã ghi kiến nghị.')(d);
      setFindingOpen(false);
      findingForm.resetFields();
    },
    onError,
  });
  const conclude = useMutation({
    mutationFn: (v: { inspectedDate: Dayjs; conclusion: string; conclusionNumber?: string }) =>
      concludeInspection(id, { inspectedDate: fromDayjs(v.inspectedDate) ?? '', conclusion: v.conclusion, conclusionNumber: v.conclusionNumber ?? null }),
    onSuccess: async (d) => {
      await done('Đã kết luận kiểm tra.')(d);
      setConcludeOpen(false);
    },
    onError,
  });
  const report = useMutation({
    mutationFn: (v: { report: string }) => reportFollowUp(id, reportFor!, v.report),
    onSuccess: async (d) => {
      await done('Đã gửi báo cáo khắc phục.')(d);
      setReportFor(null);
      reportForm.resetFields();
    },
    onError,
  });
  const review = useMutation({ mutationFn: (v: { fid: string; ok: boolean }) => reviewFollowUp(id, v.fid, v.ok), onSuccess: done('Đã ghi nhận.'), onError });
  const remove = useMutation({ mutationFn: (fid: string) => removeFinding(id, fid), onSuccess: done('Đã bỏ kiến nghị.'), onError });
  const close = useMutation({ mutationFn: () => closeInspection(id), onSuccess: done('Đã kết thúc cuộc kiểm tra.'), onError });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock />;
  const i = q.data;
  const can = (a: string) => i.abilities.includes(a);
  return (
    <>
      <PageHeader
        title={`Kiểm tra tại ${i.unitName}`}
        subtitle={
          <Space wrap>
            {statusTag(i.status, i.statusLabel)}
            <Link to={`/kiem-tra/ke-hoach/${i.planId}`}>{i.planTitle}</Link>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<FileWordOutlined />} onClick={() => void downloadConclusion(id)}>
              {i.status === 'planned' ? 'Dự thảo kết luận (Word)' : 'Kết luận kiểm tra (Word)'}
            </Button>
            {can('conclude') ? (
              <Button type="primary" onClick={() => setConcludeOpen(true)} data-testid="inspection-conclude">
                Kết luận
              </Button>
            ) : null}
            {can('close') ? (
              <Button type="primary" loading={close.isPending} onClick={() => close.mutate()} data-testid="inspection-close">
                Kết thúc cuộc kiểm tra
              </Button>
            ) : null}
          </Space>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Lịch kiểm tra">{`${fmtDate(i.scheduledFrom)} – ${fmtDate(i.scheduledTo)}`}</Descriptions.Item>
        <Descriptions.Item label="Ngày kiểm tra">{fmtDate(i.inspectedDate) || '—'}</Descriptions.Item>
        {i.conclusion ? (
          <Descriptions.Item label="Kết luận" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{i.conclusion}</Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card
        size="small"
        title={i.checklistFrozen ? 'Danh mục kiểm tra (đã chốt khi kết luận)' : 'Danh mục kiểm tra (tính từ dữ liệu hiện tại)'}
        style={{ marginBottom: 16 }}
      >
        <List
          data-testid="inspection-checklist"
          dataSource={i.checklist}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {c.label}
                    <Tag color={RESULT_COLORS[c.result] ?? 'default'}>{c.resultLabel}</Tag>
                  </Space>
                }
                description={c.detail}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title="Tồn tại và kiến nghị"
        extra={
          can('addFinding') ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setFindingOpen(true)} data-testid="finding-new">
              Thêm kiến nghị
            </Button>
          ) : null
        }
      >
        <List
          data-testid="inspection-findings"
          dataSource={i.findings}
          locale={{ emptyText: 'Chưa có kiến nghị' }}
          renderItem={(f) => (
            <List.Item
              actions={[
                can('followUp') && f.status === 'open' ? (
                  <Button key="r" size="small" type="primary" onClick={() => setReportFor(f.id)} data-testid={`follow-up-${f.seq}`}>
                    Báo cáo khắc phục
                  </Button>
                ) : null,
                can('closeFinding') && f.status === 'reported' ? (
                  <Space key="v">
                    <Button size="small" type="primary" onClick={() => review.mutate({ fid: f.id, ok: true })} data-testid={`accept-${f.seq}`}>
                      Ghi nhận hoàn thành
                    </Button>
                    <Button size="small" onClick={() => review.mutate({ fid: f.id, ok: false })}>
                      Trả lại
                    </Button>
                  </Space>
                ) : null,
                can('addFinding') ? (
                  <Popconfirm key="d" title="Bỏ kiến nghị này?" okText="Bỏ" cancelText="Không" onConfirm={() => remove.mutate(f.id)}>
                    <Button size="small" danger>
                      Bỏ
                    </Button>
                  </Popconfirm>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {`${f.seq}. ${f.recommendation}`}
                    {statusTag(f.status === 'closed' ? 'closed' : f.status === 'reported' ? 'concluded' : 'planned', f.statusLabel)}
                  </Space>
                }
                description={
                  <>
                    <div>Tồn tại: {f.finding}</div>
                    <div>
                      Chịu trách nhiệm: {f.ownerUnitName}
                      {f.ownerName ? ` (${f.ownerName})` : ''} — hạn {fmtDate(f.dueDate)}
                    </div>
                    {f.followUpReport ? <div>Báo cáo khắc phục: {f.followUpReport}</div> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={findingOpen}
        title="Thêm tồn tại, kiến nghị"
        okText="Lưu"
        cancelText="Hủy"
        onCancel={() => setFindingOpen(false)}
        confirmLoading={add.isPending}
        okButtonProps={{ id: 'finding-save' }}
        onOk={() => void findingForm.validateFields().then((v) => add.mutate(v))}
        destroyOnHidden
      >
        <Form form={findingForm} layout="vertical" initialValues={{ ownerUnitId: i.unitId }}>
          <Form.Item name="finding" label="Tồn tại, hạn chế" rules={[{ required: true, message: 'Nhập tồn tại' }]}>
            <Input.TextArea rows={2} data-testid="finding-finding" />
          </Form.Item>
          <Form.Item name="recommendation" label="Kiến nghị" rules={[{ required: true, message: 'Nhập kiến nghị' }]}>
            <Input.TextArea rows={2} data-testid="finding-recommendation" />
          </Form.Item>
          <Form.Item name="dueDate" label="Thời hạn khắc phục" rules={[{ required: true, message: 'Chọn thời hạn' }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="finding-due" />
          </Form.Item>
          <Form.Item name="ownerUnitId" label="Đơn vị chịu trách nhiệm" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="ownerName" label="Người chịu trách nhiệm">
            <Input placeholder="Giám đốc Trung tâm" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={concludeOpen}
        title="Kết luận kiểm tra"
        okText="Kết luận"
        cancelText="Hủy"
        onCancel={() => setConcludeOpen(false)}
        confirmLoading={conclude.isPending}
        okButtonProps={{ id: 'conclude-save' }}
        onOk={() => void concludeForm.validateFields().then((v) => conclude.mutate(v))}
        destroyOnHidden
      >
        <Form form={concludeForm} layout="vertical">
          <Form.Item name="inspectedDate" label="Ngày kiểm tra" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="conclude-date" />
          </Form.Item>
          <Form.Item name="conclusionNumber" label="Số kết luận">
            <Input placeholder="05/KL-SKHCN" />
          </Form.Item>
          <Form.Item name="conclusion" label="Nội dung kết luận" rules={[{ required: true, message: 'Nhập kết luận' }]}>
            <Input.TextArea rows={4} data-testid="conclude-text" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!reportFor}
        title="Báo cáo kết quả khắc phục"
        okText="Gửi báo cáo"
        cancelText="Hủy"
        onCancel={() => setReportFor(null)}
        confirmLoading={report.isPending}
        okButtonProps={{ id: 'report-save' }}
        onOk={() => void reportForm.validateFields().then((v) => report.mutate(v))}
        destroyOnHidden
      >
        <Form form={reportForm} layout="vertical">
          <Form.Item name="report" label="Đã khắc phục như thế nào" rules={[{ required: true, message: 'Nhập báo cáo' }]}>
            <Input.TextArea rows={4} data-testid="report-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
