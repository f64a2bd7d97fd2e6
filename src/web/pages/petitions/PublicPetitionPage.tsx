/** The public portal: send a question, recommendation, complaint or denunciation without an account, and follow it by its code. */
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { followPublicPetition, listPetitionAgencies, sendPublicPetition, type PublicPetition } from '../../api/petitions';
import { listPublicNotices } from '../../api/dossiers';
import { keys } from '../../api/keys';
import { errorText } from '../../api/client';
import { fmtDate } from '../../lib/format';
import { PETITION_KINDS, PETITION_KIND_LABELS, type PetitionKind } from '../../../shared/codes';

interface Values {
  kind: PetitionKind;
  agencyId?: string;
  noticeId?: string;
  candidateId?: string;
  title: string;
  content: string;
  authorName: string;
  authorContact?: string;
}

export default function PublicPetitionPage() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const notices = useQuery({ queryKey: keys.publicNotices, queryFn: listPublicNotices });
  const agencies = useQuery({ queryKey: keys.petitionAgencies, queryFn: listPetitionAgencies });
  const onlyAgency = agencies.data?.items.length === 1 ? agencies.data.items[0]!.id : undefined;
  // One agency in the installation: it is the addressee, chosen for the citizen.
  useEffect(() => {
    if (onlyAgency && !form.getFieldValue('agencyId')) form.setFieldValue('agencyId', onlyAgency);
  }, [onlyAgency, form]);
  const noticeId = Form.useWatch('noticeId', form);
  const candidateId = Form.useWatch('candidateId', form);
  const kind = Form.useWatch('kind', form);
  const notice = notices.data?.items.find((n) => n.id === noticeId);
  const [sent, setSent] = useState<{ trackingCode: string; dueDate: string; message: string } | null>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PublicPetition | null>(null);
  const send = useMutation({
    mutationFn: ({ noticeId: nId, candidateId: cId, ...v }: Values) =>
      sendPublicPetition(nId ? { ...v, subjectType: 'notice', noticeId: nId, candidateId: cId ?? null } : { ...v, subjectType: 'general' }),
    onSuccess: (r) => {
      setSent(r);
      form.resetFields();
      if (onlyAgency) form.setFieldValue('agencyId', onlyAgency);
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
      <Typography.Paragraph>
        <Link to="/cong-khai">← Cổng thông tin công khai</Link>
      </Typography.Paragraph>
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
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              kind: params.get('noticeId') ? 'khieu_nai' : 'kien_nghi',
              noticeId: params.get('noticeId') ?? undefined,
              candidateId: params.get('candidateId') ?? undefined,
            }}
            onFinish={(v) => send.mutate(v)}
          >
            <Form.Item name="kind" label="Loại đơn">
              <Select options={PETITION_KINDS.map((k) => ({ value: k, label: PETITION_KIND_LABELS[k] }))} data-testid="public-kind" />
            </Form.Item>
            <Form.Item name="noticeId" label="Về danh sách đang lấy ý kiến (nếu có)">
              <Select
                allowClear
                placeholder="Công tác thi đua, khen thưởng nói chung"
                loading={notices.isPending}
                onChange={() => form.setFieldValue('candidateId', undefined)}
                options={(notices.data?.items ?? []).map((n) => ({ value: n.id, label: n.title }))}
                data-testid="public-notice"
              />
            </Form.Item>
            {noticeId ? (
              <Typography.Paragraph type="secondary" data-testid="public-agency-of-notice">
                Đơn về danh sách đang lấy ý kiến được gửi tới cơ quan đã đăng thông báo.
              </Typography.Paragraph>
            ) : (
              <Form.Item name="agencyId" label="Cơ quan nhận đơn" rules={[{ required: true, message: 'Hãy chọn cơ quan nhận đơn.' }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder="Chọn cơ quan nhận đơn"
                  loading={agencies.isPending}
                  options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  data-testid="public-agency"
                />
              </Form.Item>
            )}
            {noticeId ? (
              <Form.Item name="candidateId" label="Người/tập thể được đề nghị">
                <Select
                  allowClear
                  placeholder="Chung cho cả danh sách"
                  options={(notice?.items ?? []).map((i) => ({ value: i.candidateId, label: `${i.displayName} — ${i.honorLabel}` }))}
                  data-testid="public-candidate"
                />
              </Form.Item>
            ) : null}
            {noticeId && candidateId && (kind === 'khieu_nai' || kind === 'to_cao') ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message="Việc xét khen thưởng người/tập thể này sẽ tạm dừng cho đến khi cơ quan trả lời đơn."
              />
            ) : null}
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
