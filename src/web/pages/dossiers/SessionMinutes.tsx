/**
 * The secretary's record of a council session: chair, secretary, the Ban kiểm phiếu the session
 * elects, the agenda and the discussion — what the Biên bản họp xét and the Biên bản kiểm phiếu
 * print. Until it is recorded the form shows what the server suggests from the council's positions.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { recordSessionMinutes, type Session } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { fmtDateTime } from '../../lib/format';

interface Values {
  chairMemberId?: string;
  secretaryMemberId?: string;
  countingBoard: string[];
  agenda: string;
  discussion: string;
}

export function SessionMinutes({ s }: { s: Session }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mayRecord = s.abilities.includes('recordMinutes');
  const [editing, setEditing] = useState(false);
  const m = s.minutes;
  const present = s.attendance.filter((a) => a.present);
  const options = present.map((a) => ({ value: a.memberId, label: `${a.fullName} (${a.positionLabel})` }));
  const nameOf = (id: string | null) => s.attendance.find((a) => a.memberId === id)?.fullName ?? '—';
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordSessionMinutes(s.id, {
        chairMemberId: v.chairMemberId ?? '',
        secretaryMemberId: v.secretaryMemberId ?? '',
        countingBoard: v.countingBoard,
        agenda: v.agenda.split('\n'),
        discussion: v.discussion,
        version: s.version,
      }),
    onSuccess: async () => {
      message.success('Đã ghi biên bản phiên họp.');
      setEditing(false);
      await qc.invalidateQueries({ queryKey: keys.session(s.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (s.status === 'draft' || s.status === 'cancelled') return null;
  const showForm = mayRecord && (editing || !m.recorded);
  return (
    <Card
      size="small"
      title="Biên bản phiên họp"
      style={{ marginBottom: 16 }}
      data-testid="session-minutes"
      extra={
        mayRecord && m.recorded && !editing ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="minutes-edit">
            Sửa
          </Button>
        ) : null
      }
    >
      {showForm ? (
        <>
          {!m.recorded ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="Chưa ghi biên bản"
              description="Chủ trì, thư ký và chương trình được gợi ý theo chức vụ trong Hội đồng; Ban kiểm phiếu do phiên họp bầu, hãy chọn (người chọn đầu tiên là Trưởng ban)."
            />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              chairMemberId: m.chairMemberId ?? undefined,
              secretaryMemberId: m.secretaryMemberId ?? undefined,
              countingBoard: m.countingBoard,
              agenda: m.agenda.join('\n'),
              discussion: m.discussion ?? '',
            }}
            onFinish={(v) => save.mutate(v)}
          >
            <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
              <Form.Item name="chairMemberId" label="Chủ trì" rules={[{ required: true, message: 'Hãy chọn người chủ trì.' }]}>
                <Select options={options} placeholder="Chọn thành viên có mặt" data-testid="minutes-chair" />
              </Form.Item>
              <Form.Item name="secretaryMemberId" label="Thư ký" rules={[{ required: true, message: 'Hãy chọn thư ký.' }]}>
                <Select options={options} placeholder="Chọn thành viên có mặt" data-testid="minutes-secretary" />
              </Form.Item>
            </Space>
            <Form.Item
              name="countingBoard"
              label="Ban kiểm phiếu (người đầu tiên là Trưởng ban)"
              rules={[{ required: true, type: 'array', min: 1, message: 'Hãy chọn ít nhất Trưởng Ban kiểm phiếu.' }]}
            >
              <Select mode="multiple" options={options} placeholder="Chọn theo thứ tự: Trưởng ban, rồi các thành viên" data-testid="minutes-board" />
            </Form.Item>
            <Form.Item name="agenda" label="Chương trình (mỗi dòng một mục)">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="minutes-agenda" />
            </Form.Item>
            <Form.Item name="discussion" label="Ý kiến thảo luận (mỗi dòng một ý)">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="minutes-discussion" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="minutes-save">
                Ghi biên bản
              </Button>
              {editing ? <Button onClick={() => setEditing(false)}>Thôi</Button> : null}
            </Space>
          </Form>
        </>
      ) : m.recorded ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="Chủ trì">{nameOf(m.chairMemberId)}</Descriptions.Item>
          <Descriptions.Item label="Thư ký">{nameOf(m.secretaryMemberId)}</Descriptions.Item>
          <Descriptions.Item label="Ban kiểm phiếu">
            {m.countingBoard.map((id, i) => `${nameOf(id)}${i === 0 ? ' (Trưởng ban)' : ''}`).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label="Chương trình">
            {m.agenda.map((a) => (
              <div key={a}>- {a}</div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="Ý kiến thảo luận">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.discussion ?? '—'}</Typography.Paragraph>
          </Descriptions.Item>
          {m.recordedAt ? <Descriptions.Item label="Ghi lúc">{fmtDateTime(m.recordedAt)}</Descriptions.Item> : null}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">Thư ký chưa ghi biên bản phiên họp.</Typography.Text>
      )}
    </Card>
  );
}
