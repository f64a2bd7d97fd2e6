/** Public portal (no sign-in): nominees open for comment, and a form to send one. */
import { Alert, App, Button, Card, Form, Input, Layout, List, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listPublicNotices, sendPublicComment, type PublicNotice } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { keys } from '../../api/keys';

function CommentForm({ n }: { n: PublicNotice }) {
  const [form] = Form.useForm<{ authorName: string; authorContact?: string; candidateId?: string; content: string }>();
  const [sent, setSent] = useState<string | null>(null);
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: (v: { authorName: string; authorContact?: string; candidateId?: string; content: string }) => sendPublicComment(n.id, v),
    onSuccess: (r) => {
      setSent(r.message);
      form.resetFields();
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (sent) return <Alert type="success" showIcon message={sent} />;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
      <Form.Item name="candidateId" label="Góp ý về">
        <Select allowClear placeholder="Chung cho cả danh sách" options={n.items.map((i) => ({ value: i.candidateId, label: i.displayName }))} />
      </Form.Item>
      <Form.Item name="authorName" label="Họ và tên" rules={[{ required: true, min: 2, message: 'Hãy nhập họ tên.' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="authorContact" label="Điện thoại hoặc thư điện tử (không bắt buộc)">
        <Input />
      </Form.Item>
      <Form.Item name="content" label="Nội dung góp ý" rules={[{ required: true, min: 5, message: 'Nội dung góp ý quá ngắn.' }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        Gửi góp ý
      </Button>
    </Form>
  );
}

export default function PublicNoticesPage() {
  const q = useQuery({ queryKey: keys.publicNotices, queryFn: listPublicNotices });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#8f1d1d', color: '#fff', fontSize: 18, fontWeight: 600 }}>
        Cổng thông tin công khai — Thi đua, khen thưởng
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 1000, margin: '24px auto', width: '100%', padding: '0 16px' }}>
        <Typography.Title level={3}>Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng</Typography.Title>
        {q.isLoading ? <LoadingBlock /> : null}
        {q.isError ? <ErrorAlert error={q.error} /> : null}
        {q.data && !q.data.items.length ? <Alert type="info" showIcon message="Hiện không có danh sách nào đang lấy ý kiến." /> : null}
        {(q.data?.items ?? []).map((n) => (
          <Card key={n.id} title={n.title} style={{ marginBottom: 16 }} extra={<span>{n.unitName}</span>}>
            <Typography.Paragraph>
              Thời gian lấy ý kiến: từ {fmtDate(n.startDate)} đến hết {fmtDate(n.endDate)} ({n.workingDays} ngày làm việc).
            </Typography.Paragraph>
            {n.number || n.issuer ? (
              <Typography.Paragraph type="secondary" data-testid="public-notice-identity">
                {[n.issuer, n.number ? `Thông báo số ${n.number}` : null, n.issuedDate ? `ngày ${fmtDate(n.issuedDate)}` : null].filter(Boolean).join(' — ')}
                {n.replaces ? ` (thay thế thông báo ${n.replaces.number ? `số ${n.replaces.number}` : `"${n.replaces.title}"`})` : ''}
              </Typography.Paragraph>
            ) : null}
            {n.body ? <Typography.Paragraph>{n.body}</Typography.Paragraph> : null}
            <List
              bordered
              dataSource={n.items}
              renderItem={(i, idx) => (
                <List.Item>
                  <div>
                    <strong>
                      {idx + 1}. {i.displayName}
                    </strong>{' '}
                    — {i.honorLabel}
                    <div>
                      <Typography.Text type="secondary">{i.positionText ?? i.unitName}</Typography.Text>
                    </div>
                    {i.achievement ? <div>{i.achievement}</div> : null}
                    <Link to={`/cong-khai/don-thu?noticeId=${n.id}&candidateId=${i.candidateId}`} data-testid="notice-complain">
                      Khiếu nại, tố cáo về người/tập thể này
                    </Link>
                  </div>
                </List.Item>
              )}
            />
            <Card size="small" title="Gửi ý kiến góp ý" style={{ marginTop: 16 }}>
              <CommentForm n={n} />
            </Card>
          </Card>
        ))}
      </Layout.Content>
    </Layout>
  );
}
