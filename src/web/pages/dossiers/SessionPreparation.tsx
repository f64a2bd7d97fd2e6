/** A session in preparation: change its title, date or place, add or remove candidates, or cancel it (candidates go back to the waiting list). */
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { CloseCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { addSessionItems, cancelSession, sessionCandidates, updateSession, type Session } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { fromDayjs, toDayjs } from '../../lib/format';
import { keys } from '../../api/keys';

type Dialog = 'edit' | 'cancel' | 'add' | null;

export function SessionPreparation({ s }: { s: Session }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editForm] = Form.useForm<{ title: string; meetingDate: Dayjs; location?: string }>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const [addForm] = Form.useForm<{ candidateIds: string[] }>();
  const cands = useQuery({ queryKey: keys.sessionCandidates, queryFn: sessionCandidates, enabled: dialog === 'add' });
  const done = async (text: string) => {
    message.success(text);
    setDialog(null);
    await Promise.all([
      qc.invalidateQueries({ queryKey: keys.session(s.id) }),
      qc.invalidateQueries({ queryKey: keys.sessions }),
      qc.invalidateQueries({ queryKey: keys.sessionCandidates }),
    ]);
  };
  const edit = useMutation({
    mutationFn: (v: { title: string; meetingDate: Dayjs; location?: string }) =>
      updateSession(s.id, { title: v.title, meetingDate: fromDayjs(v.meetingDate)!, location: v.location ?? null, version: s.version }),
    onSuccess: () => done('Đã lưu phiên họp.'),
    onError: (e) => message.error(errorText(e)),
  });
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) => cancelSession(s.id, v.reason),
    onSuccess: () => done('Đã hủy phiên họp; các đề nghị trở lại danh sách chờ đưa ra Hội đồng.'),
    onError: (e) => message.error(errorText(e)),
  });
  const add = useMutation({
    mutationFn: (v: { candidateIds: string[] }) => addSessionItems(s.id, v.candidateIds),
    onSuccess: () => done('Đã đưa đề nghị vào chương trình họp.'),
    onError: (e) => message.error(errorText(e)),
  });
  if (!s.abilities.includes('update') && !s.abilities.includes('cancel')) return null;
  return (
    <>
      {s.abilities.includes('update') ? (
        <>
          <Button icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="session-add-items">
            Thêm đề nghị
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="session-edit">
            Sửa phiên họp
          </Button>
        </>
      ) : null}
      {s.abilities.includes('cancel') ? (
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('cancel')} data-testid="session-cancel">
          Hủy phiên họp
        </Button>
      ) : null}
      <Modal
        open={dialog === 'edit'}
        title="Sửa phiên họp"
        okText="Lưu"
        cancelText="Đóng"
        onCancel={() => setDialog(null)}
        onOk={() => editForm.submit()}
        confirmLoading={edit.isPending}
        destroyOnHidden
      >
        <Form
          form={editForm}
          layout="vertical"
          initialValues={{ title: s.title, meetingDate: toDayjs(s.meetingDate), location: s.location ?? undefined }}
          onFinish={(v) => edit.mutate(v)}
        >
          <Form.Item name="title" label="Tên phiên họp" rules={[{ required: true, min: 3, message: 'Hãy nhập tên phiên họp.' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="meetingDate"
            label="Ngày họp"
            rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}
            extra="Đổi ngày họp thì danh sách thành viên dự họp được lập lại theo thành viên Hội đồng trong nhiệm kỳ ngày đó."
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="location" label="Địa điểm">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'cancel'}
        title="Hủy phiên họp"
        okText="Hủy phiên họp"
        okButtonProps={{ danger: true }}
        cancelText="Đóng"
        onCancel={() => setDialog(null)}
        onOk={() => cancelForm.submit()}
        confirmLoading={cancel.isPending}
        destroyOnHidden
      >
        <p>
          {s.items.length
            ? `${s.items.length} đề nghị trong chương trình sẽ trở lại danh sách chờ đưa ra Hội đồng, có thể xếp vào phiên họp khác.`
            : 'Phiên họp chưa có đề nghị nào.'}
        </p>
        <Form form={cancelForm} layout="vertical" onFinish={(v) => cancel.mutate(v)}>
          <Form.Item name="reason" label="Lý do hủy" rules={[{ required: true, min: 3, message: 'Hãy nhập lý do hủy phiên họp.' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'add'}
        title="Thêm đề nghị vào chương trình họp"
        okText="Thêm"
        cancelText="Đóng"
        onCancel={() => setDialog(null)}
        onOk={() => addForm.submit()}
        confirmLoading={add.isPending}
        width={720}
        destroyOnHidden
      >
        <Form form={addForm} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="candidateIds" label="Các đề nghị đã thẩm định, chưa có phiên họp" rules={[{ required: true, message: 'Hãy chọn đề nghị.' }]}>
            <Select
              mode="multiple"
              loading={cands.isLoading}
              notFoundContent="Không còn đề nghị nào chờ đưa ra Hội đồng."
              options={(cands.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName} — ${c.honorLabel} (${c.unitName})` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
