/** One exemplar: the four stages with their dates; the Office adds support actions, the assessment, replications, and publishes it. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Popconfirm, Space, Steps, Table, Typography } from 'antd';
import { CloseCircleOutlined, CloudUploadOutlined, EditOutlined, FormOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  cancelExemplar,
  getExemplar,
  listStories,
  nurtureExemplar,
  restoreExemplar,
  publishExemplar,
  spreadExemplar,
  sumUpExemplar,
  unpublishExemplar,
  type Exemplar,
} from '../../api/exemplars';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { FormModal } from '../../components/FormModal';
import { ReasonModal } from '../../components/ReasonModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, fmtDate, fmtDateTime, fromDayjs } from '../../lib/format';
import { todayDayjs } from '../../lib/today';
import { cancelledTag, ExemplarTabs, stageTag, storyTag } from './nav';
import { ProposeModal } from './ExemplarsPage';

type StepKind = 'nurture' | 'spread' | 'sumUp' | 'edit' | 'cancel' | 'restore';
interface StepValues {
  stepDate: Dayjs;
  owner: string;
  content: string;
  unitId?: string;
}
interface SumUpValues {
  summedUpOn: Dayjs;
  assessment: string;
}

const STEP_TITLES: Record<'nurture' | 'spread', string> = {
  nurture: 'Bồi dưỡng: ghi một hoạt động hỗ trợ',
  spread: 'Nhân rộng: ghi một đơn vị, nơi đã áp dụng',
};

function StepModal({ e, kind, onClose }: { e: Exemplar; kind: 'nurture' | 'spread' | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const save = useMutation({
    mutationFn: (v: StepValues) => {
      const body = { stepDate: fromDayjs(v.stepDate) ?? '', owner: v.owner, content: v.content, unitId: v.unitId ?? null };
      return kind === 'spread' ? spreadExemplar(e.id, body) : nurtureExemplar(e.id, body);
    },
    onSuccess: (row) => {
      qc.setQueryData(keys.exemplars.one(e.id), row);
      void qc.invalidateQueries({ queryKey: keys.exemplars.all });
      message.success('Đã ghi nhận.');
      form.resetFields();
      onClose();
    },
  });
  return (
    <FormModal<StepValues>
      open={kind !== null}
      title={kind ? STEP_TITLES[kind] : ''}
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? errorText(save.error) : null}
      okTestId="exemplar-step-ok"
      initialValues={{ stepDate: todayDayjs() }}
      destroyOnHidden
    >
      <Form.Item name="stepDate" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} data-testid="exemplar-step-date" />
      </Form.Item>
      <Form.Item
        name="owner"
        label={kind === 'spread' ? 'Đơn vị, nơi nhân rộng' : 'Người, đơn vị phụ trách'}
        rules={[{ required: true, message: 'Nhập người hoặc đơn vị' }]}
      >
        <Input data-testid="exemplar-step-owner" maxLength={300} />
      </Form.Item>
      {kind === 'spread' ? (
        <Form.Item name="unitId" label="Đơn vị trong hệ thống (nếu có)">
          <UnitTreeSelect allowClear />
        </Form.Item>
      ) : null}
      <Form.Item name="content" label="Nội dung" rules={[{ required: true, message: 'Nhập nội dung' }]}>
        <Input.TextArea rows={3} data-testid="exemplar-step-content" maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function SumUpModal({ e, open, onClose }: { e: Exemplar; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<SumUpValues>();
  const save = useMutation({
    mutationFn: (v: SumUpValues) => sumUpExemplar(e.id, { summedUpOn: fromDayjs(v.summedUpOn) ?? '', assessment: v.assessment }),
    onSuccess: (row) => {
      qc.setQueryData(keys.exemplars.one(e.id), row);
      void qc.invalidateQueries({ queryKey: keys.exemplars.all });
      onClose();
    },
  });
  return (
    <FormModal<SumUpValues>
      open={open}
      title="Tổng kết điển hình"
      okText="Ghi tổng kết"
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? errorText(save.error) : null}
      okTestId="exemplar-sumup-ok"
      initialValues={{ summedUpOn: todayDayjs() }}
      destroyOnHidden
    >
      <Form.Item name="summedUpOn" label="Ngày tổng kết" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="assessment" label="Đánh giá tổng kết" rules={[{ required: true, message: 'Nhập đánh giá' }]}>
        <Input.TextArea rows={5} data-testid="exemplar-assessment" maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}

export default function ExemplarPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [step, setStep] = useState<StepKind | null>(null);
  const q = useQuery({ queryKey: keys.exemplars.one(id), queryFn: () => getExemplar(id!) });
  const stories = useQuery({ queryKey: keys.exemplars.stories({ exemplarId: id }), queryFn: () => listStories({ exemplarId: id, pageSize: 50 }) });
  const pub = useMutation({
    mutationFn: (on: boolean) => (on ? publishExemplar(id!) : unpublishExemplar(id!)),
    onSuccess: (row, on) => {
      qc.setQueryData(keys.exemplars.one(id), row);
      void qc.invalidateQueries({ queryKey: keys.exemplars.all });
      message.success(on ? 'Đã đăng điển hình lên cổng thông tin.' : 'Đã gỡ điển hình khỏi cổng thông tin.');
    },
    onError: (err) => message.error(errorText(err)),
  });
  const lifecycle = useMutation({
    mutationFn: ({ restore, reason, version }: { restore: boolean; reason: string; version: number }) =>
      restore ? restoreExemplar(id!, reason, version) : cancelExemplar(id!, reason, version),
    onSuccess: (row, v) => {
      qc.setQueryData(keys.exemplars.one(id), row);
      void qc.invalidateQueries({ queryKey: keys.exemplars.all });
      message.success(v.restore ? 'Đã khôi phục điển hình.' : 'Đã hủy điển hình; điển hình và các bài viết đang đăng đã được gỡ khỏi cổng.');
      setStep(null);
    },
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const e = q.data;
  const has = (a: string) => e.abilities.includes(a);
  // Before tổng kết it is the unit's proposal being withdrawn; after it, the record being cancelled.
  const early = e.stage === 'discovered' || e.stage === 'nurturing';
  const closeLifecycle = () => {
    lifecycle.reset();
    setStep(null);
  };
  const current = e.stages.findIndex((s) => s.current);
  const stepsOf = (stage: string) => e.steps.filter((s) => s.stage === stage);
  const stepColumns = (ownerTitle: string) => [
    { title: 'Ngày', dataIndex: 'stepDate', width: 110, render: (v: string) => fmtDate(v) },
    { title: ownerTitle, dataIndex: 'owner', width: 240 },
    { title: 'Nội dung', dataIndex: 'content' },
  ];
  return (
    <>
      <PageHeader
        title={e.name}
        subtitle={
          <Space wrap>
            {e.cancelledAt ? cancelledTag : null}
            {stageTag(e.stage, e.stageLabel)}
            <span>
              {e.kindLabel} · {e.unitName}
            </span>
            {e.publishedAt ? <Typography.Text type="success">Đã đăng trên cổng ({fmtDateTime(e.publishedAt)})</Typography.Text> : null}
          </Space>
        }
        extra={
          <>
            {has('update') ? (
              <Button icon={<FormOutlined />} onClick={() => setStep('edit')} data-testid="exemplar-edit">
                Sửa đề xuất
              </Button>
            ) : null}
            {has('writeStory') ? (
              <Link to={`/dien-hinh/bai-viet/moi?dienHinh=${e.id}`}>
                <Button icon={<EditOutlined />} data-testid="exemplar-write-story">
                  Viết bài
                </Button>
              </Link>
            ) : null}
            {has('publish') ? (
              <Popconfirm title="Đăng điển hình lên cổng thông tin công khai?" okText="Đăng" cancelText="Hủy" onConfirm={() => pub.mutate(true)}>
                <Button type="primary" icon={<CloudUploadOutlined />} loading={pub.isPending} data-testid="exemplar-publish">
                  Đăng lên cổng
                </Button>
              </Popconfirm>
            ) : null}
            {has('unpublish') ? (
              <Popconfirm title="Gỡ điển hình khỏi cổng thông tin?" okText="Gỡ" cancelText="Hủy" onConfirm={() => pub.mutate(false)}>
                <Button danger icon={<StopOutlined />} loading={pub.isPending} data-testid="exemplar-unpublish">
                  Gỡ khỏi cổng
                </Button>
              </Popconfirm>
            ) : null}
            {has('cancel') ? (
              <Button danger icon={<CloseCircleOutlined />} onClick={() => setStep('cancel')} data-testid="exemplar-cancel">
                {early ? 'Rút đề xuất' : 'Hủy điển hình'}
              </Button>
            ) : null}
            {has('restore') ? (
              <Button icon={<UndoOutlined />} onClick={() => setStep('restore')} data-testid="exemplar-restore">
                Khôi phục
              </Button>
            ) : null}
          </>
        }
      />
      <ExemplarTabs />
      {e.cancelledAt ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="exemplar-cancelled"
          title={`Điển hình đã bị hủy lúc ${fmtDateTime(e.cancelledAt)}: không còn trên cổng thông tin, không thêm bước nào được cho đến khi được khôi phục.`}
          description={`Lý do: ${e.cancelReason ?? '—'}`}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          responsive
          data-testid="exemplar-stages"
          items={e.stages.map((s) => ({
            title: s.label,
            description: s.date ? fmtDate(s.date) : 'Chưa đến',
            status: s.current ? 'process' : s.done ? 'finish' : 'wait',
          }))}
        />
      </Card>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="1. Phát hiện">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="Đơn vị đề xuất">{e.unitName}</Descriptions.Item>
            <Descriptions.Item label="Ngày phát hiện">{fmtDate(e.discoveredOn)}</Descriptions.Item>
            <Descriptions.Item label="Chức vụ, đơn vị (công khai)">{e.positionText ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Phong trào">{e.movementId ? <Link to={`/phong-trao/${e.movementId}`}>{e.movementTitle}</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label="Quyết định khen thưởng">{e.decisionNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Thành tích" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{e.achievement}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Lý do đề xuất" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title="2. Bồi dưỡng"
          extra={
            has('nurture') ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setStep('nurture')} data-testid="exemplar-nurture">
                Thêm hoạt động hỗ trợ
              </Button>
            ) : null
          }
        >
          <Table rowKey="id" size="small" pagination={false} dataSource={stepsOf('nurturing')} columns={stepColumns('Phụ trách')} scroll={{ x: 600 }} />
        </Card>
        <Card
          size="small"
          title="3. Tổng kết"
          extra={
            has('sumUp') ? (
              <Button size="small" type="primary" onClick={() => setStep('sumUp')} data-testid="exemplar-sumup">
                Tổng kết
              </Button>
            ) : null
          }
        >
          {e.summedUpOn ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Ngày tổng kết">{fmtDate(e.summedUpOn)}</Descriptions.Item>
              <Descriptions.Item label="Đánh giá">
                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="exemplar-assessment-text">
                  {e.assessment}
                </span>
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa tổng kết (cần ít nhất một hoạt động bồi dưỡng)." />
          )}
        </Card>
        <Card
          size="small"
          title="4. Nhân rộng"
          extra={
            has('spread') ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setStep('spread')} data-testid="exemplar-spread">
                Thêm nơi nhân rộng
              </Button>
            ) : null
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={stepsOf('spreading')}
            columns={stepColumns('Đơn vị, nơi áp dụng')}
            scroll={{ x: 600 }}
          />
        </Card>
        <Card size="small" title="Bài viết giới thiệu điển hình">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={stories.isPending}
            dataSource={stories.data?.items ?? []}
            scroll={{ x: 520 }}
            columns={[
              { title: 'Tiêu đề', key: 't', render: (_, s) => <Link to={`/dien-hinh/bai-viet/${s.id}`}>{s.title}</Link> },
              { title: 'Tác giả', dataIndex: 'authorName', width: 180 },
              { title: 'Trạng thái', key: 's', width: 120, render: (_, s) => storyTag(s.status, s.statusLabel) },
            ]}
          />
        </Card>
      </Space>
      <StepModal e={e} kind={step === 'nurture' || step === 'spread' ? step : null} onClose={() => setStep(null)} />
      <SumUpModal e={e} open={step === 'sumUp'} onClose={() => setStep(null)} />
      <ProposeModal open={step === 'edit'} exemplar={e} onClose={() => setStep(null)} />
      <ReasonModal
        open={step === 'cancel' || step === 'restore'}
        title={step === 'restore' ? 'Khôi phục điển hình' : early ? 'Rút đề xuất điển hình' : 'Hủy điển hình'}
        okText={step === 'restore' ? 'Khôi phục' : early ? 'Rút đề xuất' : 'Hủy điển hình'}
        intro={
          step === 'restore'
            ? `Điển hình trở lại giai đoạn ${e.stageLabel}; muốn giới thiệu trên cổng thì đăng lại.`
            : 'Điển hình được gỡ khỏi cổng thông tin, các bài viết đang đăng về điển hình được gỡ; bản ghi và các bước đã làm được giữ lại.'
        }
        onClose={closeLifecycle}
        onSubmit={(reason) => lifecycle.mutate({ restore: step === 'restore', reason, version: e.version })}
        pending={lifecycle.isPending}
        error={lifecycle.isError ? errorText(lifecycle.error) : null}
        testId="exemplar-lifecycle"
      />
    </>
  );
}
