/** The public portal: send a question, recommendation, complaint or denunciation without an account, and follow it by its code. */
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { followPublicPetition, sendPublicPetition, type PublicPetition } from '../../api/petitions';
import { errorText } from '../../api/client';
import { fmtDate } from '../../lib/format';
import { PETITION_KINDS, PETITION_KIND_LABELS, type PetitionKind } from '../../../shared/codes';

interface Values {
  kind: PetitionKind;
  title: string;
  content: string;
  authorName: string;
  authorContact?: string;
}

export default function PublicPetitionPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sent, setSent] = useState<{ trackingCode: string; dueDate: string; message: string } | null>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PublicPetition | null>(null);
  const send = useMutation({
    mutationFn: (v: Values) => sendPublicPetition({ ...v, subjectType: 'general' }),
    onSuccess: (r) => {
      setSent(r);
      form.resetFields();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const follow = useMutation({
    mutationFn: () => followPublicPetition(code.trim()),
    onSuccess: setFound,
    onError: (e) => {
      setFound(null);
      message.error(errorText(e));
    },
  });
  return (
    <div style={{ maxWidth: 880, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={3}>Gửi thắc mắc, kiến nghị, khiếu nại, tố cáo về thi đua, khen thưởng</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card title="Theo dõi đơn đã gửi" size="small">
          <Space.Compact style={{ width: '100%' }}>
            <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder="Mã tra cứu, VD: ABCD2345-XXXXXXXXXXXX" data-testid="follow-code" />
            <Button type="primary" loading={follow.isPending} onClick={() => follow.mutate()} data-testid="follow-go">
              Tra cứu
            </Button>
          </Space.Compact>
          {found ? (
            <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} data-testid="follow-result">
              <Descriptions.Item label="Đơn">
                {found.kindLabel}: {found.title}
              </Descriptions.Item>
              <Descriptions.Item label="Trạng thái">{found.statusLabel}</Descriptions.Item>
              <Descriptions.Item label="Ngày nhận / hạn">
                {fmtDate(found.receivedOn)} / {fmtDate(found.dueDate)} ({found.limitText})
              </Descriptions.Item>
              {found.infoRequest ? <Descriptions.Item label="Cơ quan đề nghị bổ sung">{found.infoRequest}</Descriptions.Item> : null}
              {found.answer ? <Descriptions.Item label={`Trả lời ngày ${fmtDate(found.answeredOn)}`}>{found.answer}</Descriptions.Item> : null}
            </Descriptions>
          ) : null}
        </Card>
        <Card title="Gửi đơn mới" size="small">
          {sent ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={<span data-testid="tracking-code">Mã tra cứu: {sent.trackingCode}</span>}
              description={`${sent.message} Hạn trả lời: ${fmtDate(sent.dueDate)}.`}
            />
          ) : null}
          <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'kien_nghi' }} onFinish={(v) => send.mutate(v)}>
            <Form.Item name="kind" label="Loại đơn">
              <Select options={PETITION_KINDS.map((k) => ({ value: k, label: PETITION_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="authorName" label="Họ và tên" rules={[{ required: true, message: 'Hãy nhập họ tên.' }]}>
              <Input maxLength={200} data-testid="public-name" />
            </Form.Item>
            <Form.Item name="authorContact" label="Địa chỉ, điện thoại hoặc thư điện tử">
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: 'Hãy nhập trích yếu.' }]}>
              <Input maxLength={300} data-testid="public-title" />
            </Form.Item>
            <Form.Item name="content" label="Nội dung" rules={[{ required: true, message: 'Hãy nhập nội dung.' }]}>
              <Input.TextArea rows={6} maxLength={10000} showCount data-testid="public-content" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="public-send">
              Gửi đơn
            </Button>
          </Form>
        </Card>
      </Space>
    </div>
  );
}
