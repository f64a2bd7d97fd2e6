/** Public portal (no sign-in): nominees open for comment, and a form to send one; one notice by its link, also once replaced or withdrawn. */
import { Alert, App, Button, Card, Form, Input, Layout, List, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
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
  if (sent) return <Alert type="success" showIcon title={sent} />;
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

/** The portal's frame: the agency's banner over the page. */
export function PortalNoticeFrame({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#8f1d1d', color: '#fff', fontSize: 18, fontWeight: 600, height: 'auto', lineHeight: 1.4, padding: '12px 16px' }}>
        Cổng thông tin công khai — Thi đua, khen thưởng
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 1000, margin: '24px auto', width: '100%', padding: '0 16px' }}>{children}</Layout.Content>
    </Layout>
  );
}

const noticeRef = (r: { number: string | null; title: string }) => (r.number ? `số ${r.number}` : `"${r.title}"`);

/** One notice as the public reads it: its window and identity, the nominees, and the comment form while it is open. */
export function NoticeCard({ n, linkTitle = false }: { n: PublicNotice; linkTitle?: boolean }) {
  const posted = n.status === 'posted';
  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{linkTitle ? <Link to={`/cong-khai/lay-y-kien/${n.id}`}>{n.title}</Link> : n.title}</span>}
      style={{ marginBottom: 16 }}
      styles={{ title: { whiteSpace: 'normal' }, header: { paddingBlock: 8 } }}
    >
      <Typography.Paragraph type="secondary">{n.unitName}</Typography.Paragraph>
      {n.status === 'withdrawn' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="public-notice-withdrawn"
          title={`Thông báo đã bị thu hồi${n.withdrawnAt ? ` ngày ${fmtDate(n.withdrawnAt)}` : ''}; không nhận góp ý nữa.`}
          description={n.withdrawnReason ? `Lý do: ${n.withdrawnReason}` : undefined}
        />
      ) : null}
      {n.status === 'replaced' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="public-notice-replaced"
          title={
            n.replacedBy ? (
              <>
                Thông báo đã được thay thế bằng <Link to={`/cong-khai/lay-y-kien/${n.replacedBy.id}`}>thông báo {noticeRef(n.replacedBy)}</Link>; xin gửi góp ý
                theo thông báo mới.
              </>
            ) : (
              'Thông báo đã được thay thế.'
            )
          }
        />
      ) : null}
      {posted && !n.open ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Thông báo ngoài thời gian lấy ý kiến." /> : null}
      <Typography.Paragraph>
        Thời gian lấy ý kiến: từ {fmtDate(n.startDate)} đến hết {fmtDate(n.endDate)} ({n.workingDays} ngày làm việc).
      </Typography.Paragraph>
      {n.number || n.issuer ? (
        <Typography.Paragraph type="secondary" data-testid="public-notice-identity">
          {[n.issuer, n.number ? `Thông báo số ${n.number}` : null, n.issuedDate ? `ngày ${fmtDate(n.issuedDate)}` : null].filter(Boolean).join(' — ')}
          {n.replaces ? ` (thay thế thông báo ${noticeRef(n.replaces)})` : ''}
        </Typography.Paragraph>
      ) : null}
      {n.body ? <Typography.Paragraph>{n.body}</Typography.Paragraph> : null}
      <List
        bordered
        dataSource={n.items}
        renderItem={(i, idx) => (
          <List.Item>
            <div style={{ overflowWrap: 'anywhere' }}>
              <strong>
                {idx + 1}. {i.displayName}
              </strong>{' '}
              — {i.awardWording || i.honorLabel}
              <div>
                <Typography.Text type="secondary">{i.positionText ?? i.unitName}</Typography.Text>
              </div>
              {i.achievement ? <div>{i.achievement}</div> : null}
              {posted ? (
                <Link to={`/cong-khai/don-thu?noticeId=${n.id}&candidateId=${i.candidateId}`} data-testid="notice-complain">
                  Khiếu nại, tố cáo về người/tập thể này
                </Link>
              ) : null}
            </div>
          </List.Item>
        )}
      />
      {posted && n.open ? (
        <Card size="small" title="Gửi ý kiến góp ý" style={{ marginTop: 16 }}>
          <CommentForm n={n} />
        </Card>
      ) : null}
    </Card>
  );
}

export default function PublicNoticesPage() {
  const q = useQuery({ queryKey: keys.publicNotices, queryFn: listPublicNotices });
  return (
    <PortalNoticeFrame>
      <Typography.Title level={3}>Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng</Typography.Title>
      {q.isLoading ? <LoadingBlock /> : null}
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.data && !q.data.items.length ? <Alert type="info" showIcon title="Hiện không có danh sách nào đang lấy ý kiến." /> : null}
      {(q.data?.items ?? []).map((n) => (
        <NoticeCard key={n.id} n={n} linkTitle />
      ))}
    </PortalNoticeFrame>
  );
}
