/** One petition: its content, history, and the buttons its abilities allow (assign, request info, answer, close, reply). */
import { App, Button, Card, Descriptions, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  answerPetition,
  assignPetition,
  attachmentUrl,
  closePetition,
  getPetition,
  listAssignees,
  replyToPetition,
  requestPetitionInfo,
  type Petition,
} from '../../api/petitions';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { statusTag } from './PetitionsPage';

const EVENT_LABELS: Record<string, string> = {
  received: 'Tiếp nhận đơn',
  assigned: 'Giao xử lý',
  info_requested: 'Đề nghị bổ sung thông tin',
  info_provided: 'Người gửi bổ sung',
  answered: 'Trả lời',
  closed: 'Kết thúc',
};

function Actions({ p }: { p: Petition }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [handler, setHandler] = useState<string | undefined>();
  const can = (a: Petition['abilities'][number]) => p.abilities.includes(a);
  const assignees = useQuery({ queryKey: ['petitions', 'assignees'], queryFn: listAssignees, enabled: can('assign') });
  const m = useMutation({
    mutationFn: (f: () => Promise<Petition>) => f(),
    onSuccess: () => {
      message.success('Đã cập nhật.');
      setText('');
      void qc.invalidateQueries({ queryKey: ['petitions'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!['assign', 'requestInfo', 'answer', 'close', 'reply'].some((a) => can(a as Petition['abilities'][number]))) return null;
  return (
    <Card size="small" title="Xử lý" style={{ marginBottom: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {can('assign') ? (
          <Space wrap>
            <Select
              style={{ width: 280 }}
              placeholder="Người xử lý"
              value={handler}
              onChange={setHandler}
              options={(assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
              data-testid="petition-handler"
            />
            <Button disabled={!handler} onClick={() => handler && m.mutate(() => assignPetition(p.id, handler, p.version))} data-testid="petition-assign">
              Giao xử lý
            </Button>
          </Space>
        ) : null}
        {can('answer') || can('requestInfo') || can('reply') ? (
          <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="Nội dung" data-testid="petition-text" />
        ) : null}
        <Space wrap>
          {can('answer') ? (
            <Button type="primary" onClick={() => m.mutate(() => answerPetition(p.id, text, p.version))} data-testid="petition-answer">
              Trả lời
            </Button>
          ) : null}
          {can('requestInfo') ? <Button onClick={() => m.mutate(() => requestPetitionInfo(p.id, text, p.version))}>Đề nghị bổ sung</Button> : null}
          {can('reply') ? (
            <Button type="primary" onClick={() => m.mutate(() => replyToPetition(p.id, text))}>
              Gửi bổ sung
            </Button>
          ) : null}
          {can('close') ? (
            <Button onClick={() => m.mutate(() => closePetition(p.id, p.version))} data-testid="petition-close">
              Kết thúc
            </Button>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}

export default function PetitionPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.petition(id), queryFn: () => getPetition(id) });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock />;
  const p = q.data;
  return (
    <>
      <PageHeader title={p.title} subtitle={`${p.kindLabel} · ${p.subjectLabel}`} extra={statusTag(p)} />
      <Actions p={p} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Người gửi">
            {p.identityHidden ? <Tag>Giữ bí mật</Tag> : p.anonymous ? 'Không ghi tên' : p.authorName}
            {p.authorContact ? ` — ${p.authorContact}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị xử lý">{p.unitName}</Descriptions.Item>
          <Descriptions.Item label="Ngày nhận">{fmtDate(p.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="Hạn giải quyết">
            <Typography.Text type={p.overdue ? 'danger' : undefined}>{fmtDate(p.dueDate)}</Typography.Text> — {p.limitText}
          </Descriptions.Item>
          <Descriptions.Item label="Người xử lý">{p.handlerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Tạm dừng xét">{p.holdsSubject ? <Tag color="orange">Đang tạm dừng đến khi trả lời</Tag> : 'Không'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{p.content}</Typography.Paragraph>
        {p.attachments.length ? (
          <Space wrap>
            {p.attachments.map((a) => (
              <a key={a.id} href={attachmentUrl(p.id, a.id)}>
                {a.fileName} ({Math.ceil(a.size / 1024)} KB)
              </a>
            ))}
          </Space>
        ) : null}
        {p.answer ? (
          <Card
            size="small"
            type="inner"
            title={`Trả lời ngày ${fmtDate(p.answeredOn)}${p.answeredOnTime === false ? ' (quá hạn)' : ''}`}
            style={{ marginTop: 12 }}
          >
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="petition-answer-text">
              {p.answer}
            </Typography.Paragraph>
          </Card>
        ) : null}
      </Card>
      <Card size="small" title="Quá trình xử lý">
        <Timeline
          items={p.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text> — {fmtDateTime(e.at)} {e.actorName ? `· ${e.actorName}` : ''}
                {e.text ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
