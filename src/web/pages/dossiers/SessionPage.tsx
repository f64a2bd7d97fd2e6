/** One council session: agenda with conflicts, attendance, the member's secret ballot, paper counts, close and results. */
import { Alert, App, Button, Card, Checkbox, Col, InputNumber, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { castBallot, closeSession, enterPaperBallots, getSession, openSession, removeSessionItem, setAttendance, type SessionItem } from '../../api/dossiers';
import { SessionPreparation } from './SessionPreparation';
import { SessionListVotes } from './SessionListVotes';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { BALLOT_CHOICES, BALLOT_CHOICE_LABELS, type BallotChoice } from '../../../shared/dossiers';
import { DocumentDownloads } from './common';
import { SessionMinutes } from './SessionMinutes';
import { DocumentSignatures } from '../signing/DocumentSignatures';
import { keys } from '../../api/keys';

export default function SessionPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.session(id), queryFn: () => getSession(id) });
  const [ballot, setBallot] = useState<Record<string, BallotChoice>>({});
  const [paper, setPaper] = useState<Record<string, { approve: number; reject: number; abstain: number }>>({});
  const act = useMutation({
    mutationFn: async ({ fn, ok }: { fn: () => Promise<unknown>; ok: string }) => {
      await fn();
      return ok;
    },
    onSuccess: async (ok) => {
      message.success(ok);
      setBallot({});
      await qc.invalidateQueries({ queryKey: keys.session(id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isLoading) return <LoadingBlock />;
  if (q.isError || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const mayVote = s.items.filter((i) => i.iMayVote);
  // Items of a list voted as a whole are one agenda line each list (below), not a row each.
  const single = s.items.filter((i) => !i.listVoteId);

  const columns = [
    { title: 'TT', key: 'i', width: 48, render: (_: unknown, __: SessionItem, i: number) => i + 1 },
    {
      title: 'Đề nghị',
      key: 'c',
      render: (_: unknown, i: SessionItem) => (
        <div>
          <strong>{i.candidate.displayName}</strong> — {i.honorLabel}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.unitName} · <Link to={`/ho-so/${i.dossierId}`}>{i.dossierTitle}</Link>
            </Typography.Text>
          </div>
          {i.candidate.appraisal ? (
            <Tag color={i.candidate.appraisal.eligible ? 'green' : i.candidate.appraisal.eligible === false ? 'red' : 'gold'} style={{ marginTop: 4 }}>
              Thẩm định: {i.candidate.appraisal.eligible ? 'đủ điều kiện' : i.candidate.appraisal.eligible === false ? 'chưa đủ' : 'cần xác nhận'}
            </Tag>
          ) : null}
        </div>
      ),
    },
    {
      title: 'Xung đột lợi ích',
      key: 'x',
      width: 230,
      render: (_: unknown, i: SessionItem) =>
        i.conflicts.length
          ? i.conflicts.map((c) => (
              <div key={c.memberId}>
                <Tag color="orange">{c.fullName}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.reason}
                  {c.recused ? ' — không biểu quyết' : ''}
                </Typography.Text>
              </div>
            ))
          : '—',
    },
    ...(s.abilities.includes('update')
      ? [
          {
            title: '',
            key: 'rm',
            width: 90,
            render: (_: unknown, i: SessionItem) => (
              <Popconfirm
                title={`Bỏ ${i.candidate.displayName} khỏi chương trình họp?`}
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() => act.mutate({ fn: () => removeSessionItem(s.id, i.id), ok: 'Đã bỏ khỏi chương trình họp.' })}
              >
                <Button size="small" danger>
                  Bỏ
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
    s.status !== 'closed'
      ? {
          title: 'Đã bỏ phiếu',
          key: 'v',
          width: 130,
          render: (_: unknown, i: SessionItem) => `${i.votedCount} trực tuyến${i.paperCount ? ` + ${i.paperCount} giấy` : ''}`,
        }
      : {
          title: 'Kết quả',
          key: 'r',
          width: 280,
          render: (_: unknown, i: SessionItem) =>
            i.result ? (
              <div>
                <Tag color={i.result.passed ? 'green' : 'red'}>{i.result.passed ? 'Đạt' : 'Không đạt'}</Tag> {i.result.approve}/{i.result.totalMembers} đồng ý
                <div style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary">{i.result.text}</Typography.Text>
                </div>
              </div>
            ) : (
              '—'
            ),
        },
    ...(s.abilities.includes('enterPaperBallots')
      ? [
          {
            title: 'Phiếu giấy (đồng ý / không / không biểu quyết)',
            key: 'p',
            width: 260,
            render: (_: unknown, i: SessionItem) => {
              const v = paper[i.id] ?? { approve: 0, reject: 0, abstain: 0 };
              const set = (k: 'approve' | 'reject' | 'abstain', n: number | null) => setPaper({ ...paper, [i.id]: { ...v, [k]: n ?? 0 } });
              return (
                <Space size={4}>
                  <InputNumber size="small" min={0} value={v.approve} onChange={(n) => set('approve', n)} style={{ width: 60 }} />
                  <InputNumber size="small" min={0} value={v.reject} onChange={(n) => set('reject', n)} style={{ width: 60 }} />
                  <InputNumber size="small" min={0} value={v.abstain} onChange={(n) => set('abstain', n)} style={{ width: 60 }} />
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={
          <Space wrap>
            <Link to="/phien-hop">← Phiên họp</Link>
            <span>{s.councilName}</span>
            <span>
              · ngày {fmtDate(s.meetingDate)}
              {s.location ? ` · ${s.location}` : ''}
            </span>
            <Tag color={s.status === 'open' ? 'processing' : s.status === 'closed' ? 'green' : s.status === 'cancelled' ? 'red' : 'default'}>
              {s.statusLabel}
            </Tag>
          </Space>
        }
        extra={
          <>
            <SessionPreparation s={s} />
            {s.status !== 'cancelled' ? (
              <>
                <DocumentDownloads url={`/api/sessions/${s.id}/review-minutes.docx`} label="Biên bản họp xét" numbered testId="review-minutes" />
                <DocumentDownloads url={`/api/sessions/${s.id}/minutes.docx`} label="Biên bản kiểm phiếu" numbered testId="minutes" />
              </>
            ) : null}
            {s.abilities.includes('open') ? (
              <Button type="primary" onClick={() => act.mutate({ fn: () => openSession(s.id), ok: 'Đã khai mạc, mở bỏ phiếu.' })} data-testid="session-open">
                Khai mạc, mở bỏ phiếu
              </Button>
            ) : null}
            {s.abilities.includes('close') ? (
              <Popconfirm
                title="Kết thúc phiên họp? Kết quả sẽ được chốt, không bỏ phiếu thêm được."
                okText="Kết thúc"
                cancelText="Chưa"
                onConfirm={() => act.mutate({ fn: () => closeSession(s.id), ok: 'Đã kết thúc, chốt kết quả.' })}
              >
                <Button danger icon={<LockOutlined />} data-testid="session-close">
                  Kết thúc, kiểm phiếu
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {s.status === 'cancelled' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Phiên họp đã hủy${s.cancelledAt ? ` ngày ${fmtDate(s.cancelledAt)}` : ''}`}
          description={s.cancelReason ? `Lý do: ${s.cancelReason}` : undefined}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          {s.status === 'open' && s.me ? (
            <Card size="small" title="Phiếu bầu của tôi (bỏ phiếu kín)" style={{ marginBottom: 16 }} data-testid="my-ballot">
              {mayVote.length ? (
                <>
                  <Typography.Paragraph type="secondary">
                    Phiếu không ghi tên: hệ thống chỉ lưu việc bạn đã bỏ phiếu và cộng vào tổng số phiếu của từng phương án. Mỗi đề nghị chỉ bỏ phiếu một lần.
                  </Typography.Paragraph>
                  {mayVote.map((i) => (
                    <Row key={i.id} style={{ marginBottom: 8 }} align="middle">
                      <Col span={10}>
                        {i.candidate.displayName} — {i.honorLabel}
                      </Col>
                      <Col span={14}>
                        <Radio.Group
                          value={ballot[i.id]}
                          onChange={(e) => setBallot({ ...ballot, [i.id]: e.target.value as BallotChoice })}
                          options={BALLOT_CHOICES.map((c) => ({ value: c, label: BALLOT_CHOICE_LABELS[c] }))}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    type="primary"
                    disabled={Object.keys(ballot).length === 0}
                    onClick={() =>
                      act.mutate({
                        fn: () =>
                          castBallot(
                            s.id,
                            Object.entries(ballot).map(([itemId, choice]) => ({ itemId, choice })),
                          ),
                        ok: 'Đã bỏ phiếu.',
                      })
                    }
                    data-testid="ballot-cast"
                  >
                    Bỏ phiếu
                  </Button>
                </>
              ) : (
                <Alert type="success" showIcon message="Bạn đã bỏ phiếu cho tất cả đề nghị được phép biểu quyết." />
              )}
            </Card>
          ) : null}
          <Card
            size="small"
            title={`Chương trình họp (${single.length} đề nghị bỏ phiếu kín${s.listVotes.length ? `, ${s.listVotes.length} danh sách` : ''})`}
            extra={
              s.abilities.includes('enterPaperBallots') ? (
                <Button
                  size="small"
                  onClick={() =>
                    act.mutate({
                      fn: () =>
                        enterPaperBallots(
                          s.id,
                          Object.entries(paper).map(([itemId, v]) => ({ itemId, ...v })),
                        ),
                      ok: 'Đã nhập phiếu giấy.',
                    })
                  }
                  disabled={!Object.keys(paper).length}
                >
                  Lưu phiếu giấy
                </Button>
              ) : null
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={single.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
              dataSource={single}
              columns={columns}
              scroll={{ x: 760 }}
              data-testid="agenda"
            />
          </Card>
          <div style={{ height: 16 }} />
          <SessionListVotes s={s} />
          <div style={{ height: 16 }} />
          <SessionMinutes s={s} />
          {s.status === 'closed' ? (
            <>
              <div style={{ height: 16 }} />
              {(['bien_ban_hop_xet', 'bien_ban_kiem_phieu'] as const).map((kind) => (
                <DocumentSignatures
                  key={kind}
                  kind={kind}
                  id={s.id}
                  revision={s.version}
                  // A signature on either Biên bản closes the secretary's record of the meeting.
                  onSigned={() => void qc.invalidateQueries({ queryKey: keys.session(id) })}
                />
              ))}
            </>
          ) : null}
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title="Thành viên dự họp">
            <Alert
              type={s.quorum.total > 0 && s.quorum.present >= s.quorum.required ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 8 }}
              message={
                s.quorum.total > 0
                  ? `Có mặt ${s.quorum.present}/${s.quorum.total} (cần ít nhất ${s.quorum.required})`
                  : 'Hội đồng không có thành viên nào trong nhiệm kỳ vào ngày họp: hãy cập nhật thành viên hoặc đổi ngày họp.'
              }
            />
            {s.attendance.map((a) => (
              <div key={a.memberId} style={{ padding: '4px 0' }}>
                <Checkbox
                  checked={a.present}
                  disabled={!s.abilities.includes('update')}
                  onChange={(e) =>
                    act.mutate({
                      fn: () =>
                        setAttendance(
                          s.id,
                          s.attendance.filter((x) => (x.memberId === a.memberId ? e.target.checked : x.present)).map((x) => x.memberId),
                        ),
                      ok: 'Đã điểm danh.',
                    })
                  }
                >
                  {a.fullName} <Typography.Text type="secondary">({a.positionLabel})</Typography.Text>
                </Checkbox>
              </div>
            ))}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              Tỷ lệ phiếu tính trên tổng số thành viên Hội đồng (chốt khi khai mạc), không phải trên số người có mặt.
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
