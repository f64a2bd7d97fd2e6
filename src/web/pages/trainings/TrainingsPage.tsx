/** Training courses (tập huấn, bồi dưỡng nghiệp vụ TĐKT), participants, and the units without a trained clerk. */
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createTraining,
  enrolParticipants,
  exportParticipants,
  exportTrainings,
  getTraining,
  listTrainings,
  listUntrainedUnits,
  updateParticipant,
  updateTraining,
  withdrawParticipant,
  type Course,
  type CourseSummary,
} from '../../api/inspections';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { ExportButton } from '../../components/ExportButton';
import { PersonPicker } from '../../components/PersonPicker';
import { fmtDate, fromDayjs } from '../../lib/format';
import { codeOf } from '../../lib/codes';
import { FormModal } from '../../components/FormModal';
import { ATTENDANCES, ATTENDANCE_LABELS, type Attendance } from '../../../shared/schemas/trainings';

type Participant = Course['participants'][number];

interface CourseForm {
  title: string;
  organiser: string;
  dates: [Dayjs, Dayjs];
  place?: string;
  content?: string;
}

export default function TrainingsPage() {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CourseForm>();
  const q = useQuery({ queryKey: keys.trainings.list, queryFn: () => listTrainings({ pageSize: 200 }) });
  const untrained = useQuery({ queryKey: keys.trainings.untrained, queryFn: listUntrainedUnits, enabled: user.reach !== 'self' });
  const create = useMutation({
    mutationFn: (v: CourseForm) =>
      createTraining({
        unitId: user.unitId,
        title: v.title,
        organiser: v.organiser,
        startDate: fromDayjs(v.dates[0]) ?? '',
        endDate: fromDayjs(v.dates[1]) ?? '',
        place: v.place ?? null,
        content: v.content ?? null,
      }),
    onSuccess: async () => {
      message.success('Đã tạo lớp tập huấn.');
      await qc.invalidateQueries({ queryKey: keys.trainings.all });
      setOpen(false);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader
        title="Tập huấn, bồi dưỡng nghiệp vụ"
        subtitle="Lớp tập huấn công tác thi đua, khen thưởng; người tham gia, chứng nhận"
        extra={
          <Space wrap>
            <ExportButton download={exportTrainings} />
            {user.abilities.training.includes('create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                Tạo lớp
              </Button>
            ) : null}
          </Space>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Tabs
        items={[
          {
            key: 'courses',
            label: 'Lớp tập huấn',
            children: (
              <Table<CourseSummary>
                rowKey="id"
                loading={q.isPending}
                dataSource={q.data?.items ?? []}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: 'Lớp', render: (_, c) => <Link to={`/tap-huan/${c.id}`}>{c.title}</Link> },
                  { title: 'Tổ chức', dataIndex: 'organiser' },
                  { title: 'Thời gian', render: (_, c) => `${fmtDate(c.startDate)} – ${fmtDate(c.endDate)}` },
                  { title: 'Người tham gia (dự)', render: (_, c) => `${c.participantCount} (${c.attendedCount})` },
                ]}
              />
            ),
          },
          {
            key: 'untrained',
            label: `Đơn vị chưa có cán bộ TĐKT được tập huấn${untrained.data ? ` (${untrained.data.total})` : ''}`,
            children: (
              <Table
                rowKey="id"
                loading={untrained.isPending}
                dataSource={untrained.data?.items ?? []}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                data-testid="untrained-units"
                columns={[
                  { title: 'Đơn vị', render: (_, u) => <span style={{ paddingLeft: u.depth * 12 }}>{u.name}</span> },
                  { title: 'Số cán bộ', dataIndex: 'staffCount', width: 110 },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title="Tạo lớp tập huấn"
        okText="Lưu"
        cancelText="Hủy"
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        onOk={() => void form.validateFields().then((v) => create.mutate(v))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <CourseFields />
        </Form>
      </Modal>
    </>
  );
}

interface CertificateForm {
  certificateNo?: string;
  certificateDate?: Dayjs | null;
  tdktClerk: boolean;
}

export function TrainingPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<string | undefined>();
  const [clerk, setClerk] = useState(true);
  const [editing, setEditing] = useState(false);
  const [certFor, setCertFor] = useState<Participant | null>(null);
  const [editForm] = Form.useForm<CourseForm>();
  const [certForm] = Form.useForm<CertificateForm>();
  const q = useQuery({ queryKey: keys.trainings.one(id), queryFn: () => getTraining(id) });
  const done = (text: string) => async (d: Course) => {
    message.success(text);
    qc.setQueryData(keys.trainings.one(id), d);
    setEditing(false);
    setCertFor(null);
    await qc.invalidateQueries({ queryKey: keys.trainings.all });
  };
  const onError = (e: unknown) => message.error(errorText(e));
  const enrol = useMutation({
    mutationFn: (pid: string) => enrolParticipants(id, { personIds: [pid], tdktClerk: clerk }),
    onSuccess: async (d) => {
      setPersonId(undefined);
      await done('Đã cử người tham gia.')(d);
    },
    onError,
  });
  const attend = useMutation({
    mutationFn: (v: { p: Participant; attendance: Attendance }) =>
      updateParticipant(id, v.p.id, {
        attendance: v.attendance,
        tdktClerk: v.p.tdktClerk,
        certificateNo: v.p.certificateNo,
        certificateDate: v.p.certificateDate,
      }),
    onSuccess: done('Đã ghi tham dự.'),
    onError,
  });
  const certify = useMutation({
    mutationFn: (v: CertificateForm) =>
      updateParticipant(id, certFor!.id, {
        attendance: codeOf(ATTENDANCES, certFor!.attendance) ?? 'registered',
        tdktClerk: v.tdktClerk,
        certificateNo: v.certificateNo?.trim() || null,
        certificateDate: fromDayjs(v.certificateDate) ?? null,
      }),
    onSuccess: done('Đã ghi chứng nhận.'),
    onError,
  });
  const withdraw = useMutation({ mutationFn: (pid: string) => withdrawParticipant(id, pid), onSuccess: done('Đã rút tên khỏi lớp.'), onError });
  const edit = useMutation({
    mutationFn: (v: CourseForm) =>
      updateTraining(id, {
        unitId: q.data!.unitId,
        title: v.title,
        organiser: v.organiser,
        startDate: fromDayjs(v.dates[0]) ?? '',
        endDate: fromDayjs(v.dates[1]) ?? '',
        place: v.place || null,
        content: v.content || null,
        version: q.data!.version,
      }),
    onSuccess: done('Đã lưu lớp tập huấn.'),
    onError,
  });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock />;
  const c = q.data;
  const manage = c.abilities.includes('manageParticipants');
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${c.organiser} — ${fmtDate(c.startDate)} – ${fmtDate(c.endDate)}${c.place ? `, ${c.place}` : ''}`}
        extra={
          <Space wrap>
            {c.abilities.includes('update') ? (
              <Button
                onClick={() => {
                  editForm.setFieldsValue({
                    title: c.title,
                    organiser: c.organiser,
                    dates: [dayjs(c.startDate), dayjs(c.endDate)],
                    place: c.place ?? undefined,
                    content: c.content ?? undefined,
                  });
                  setEditing(true);
                }}
                data-testid="training-edit"
              >
                Sửa lớp
              </Button>
            ) : null}
            <ExportButton download={() => exportParticipants(id)} label="Xuất danh sách học viên" />
          </Space>
        }
      />
      {c.content ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Paragraph> : null}
      {c.abilities.includes('enrol') ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 320, maxWidth: '80vw' }}>
            <PersonPicker value={personId} onChange={setPersonId} />
          </div>
          <Checkbox checked={clerk} onChange={(e) => setClerk(e.target.checked)}>
            Làm công tác TĐKT
          </Checkbox>
          <Button type="primary" disabled={!personId} loading={enrol.isPending} onClick={() => personId && enrol.mutate(personId)} data-testid="training-enrol">
            Cử tham gia
          </Button>
        </Space>
      ) : null}
      <Table<Participant>
        rowKey="id"
        dataSource={c.participants}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="training-participants"
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Cán bộ TĐKT', render: (_, p) => (p.tdktClerk ? 'Có' : '') },
          {
            title: 'Tham dự',
            render: (_, p) =>
              manage ? (
                <Select
                  value={codeOf(ATTENDANCES, p.attendance)}
                  style={{ width: 140 }}
                  onChange={(v: Attendance) => attend.mutate({ p, attendance: v })}
                  options={ATTENDANCES.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
                />
              ) : (
                p.attendanceLabel
              ),
          },
          { title: 'Chứng nhận', render: (_, p) => (p.certificateNo ? `${p.certificateNo} (${fmtDate(p.certificateDate)})` : '—') },
          {
            title: '',
            render: (_, p) => (
              <Space>
                {manage ? (
                  <Button
                    size="small"
                    onClick={() => {
                      certForm.setFieldsValue({
                        certificateNo: p.certificateNo ?? undefined,
                        certificateDate: p.certificateDate ? dayjs(p.certificateDate) : dayjs(c.endDate),
                        tdktClerk: p.tdktClerk,
                      });
                      setCertFor(p);
                    }}
                  >
                    Chứng nhận
                  </Button>
                ) : null}
                {p.mayWithdraw ? (
                  <Popconfirm title={`Rút tên ${p.fullName} khỏi lớp?`} okText="Rút tên" cancelText="Không" onConfirm={() => withdraw.mutate(p.id)}>
                    <Button size="small" danger>
                      Rút tên
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={editing}
        title="Sửa lớp tập huấn"
        onCancel={() => setEditing(false)}
        form={editForm}
        onFinish={(v) => edit.mutate(v)}
        pending={edit.isPending}
      >
        <CourseFields />
      </FormModal>
      <FormModal
        open={certFor !== null}
        title={`Chứng nhận: ${certFor?.fullName ?? ''}`}
        onCancel={() => setCertFor(null)}
        form={certForm}
        onFinish={(v) => certify.mutate(v)}
        pending={certify.isPending}
      >
        {certFor && certFor.attendance !== 'attended' ? (
          <Typography.Paragraph type="warning">Chỉ người có tham dự mới được cấp chứng nhận: hãy ghi tham dự trước.</Typography.Paragraph>
        ) : null}
        <Form.Item name="certificateNo" label="Số chứng nhận">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="certificateDate" label="Ngày cấp">
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tdktClerk" valuePropName="checked">
          <Checkbox>Làm công tác thi đua, khen thưởng ở đơn vị</Checkbox>
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The fields of a course (create and edit). */
function CourseFields() {
  return (
    <>
      <Form.Item name="title" label="Tên lớp" rules={[{ required: true, message: 'Nhập tên lớp' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="organiser" label="Đơn vị tổ chức" rules={[{ required: true, message: 'Nhập đơn vị tổ chức' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="dates" label="Thời gian" rules={[{ required: true, message: 'Chọn thời gian' }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="place" label="Địa điểm">
        <Input />
      </Form.Item>
      <Form.Item name="content" label="Nội dung">
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
