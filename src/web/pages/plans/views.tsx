/** Read-only views of a plan and a movement, shared by the signed-in pages and the public portal. */
import { Card, Descriptions, Empty, Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Deadline, Movement, Plan, PlanTask, UnitRef } from '../../api/plans';
import { fmtDate } from '../../lib/format';

const { Paragraph, Text, Title } = Typography;

/** Multi-line text as written (lines starting with "-" stay lines). */
export function Lines({ text }: { text: string | null | undefined }) {
  if (!text) return <Text type="secondary">—</Text>;
  return (
    <div>
      {text.split('\n').map((l, i) => (
        <Paragraph key={i} style={{ marginBottom: 4 }}>
          {l}
        </Paragraph>
      ))}
    </div>
  );
}

export function statusTag(status: string, label: string) {
  const color = status === 'published' || status === 'launched' ? 'green' : status === 'closed' ? 'default' : 'gold';
  return <Tag color={color}>{label}</Tag>;
}

export function unitNames(refs: UnitRef[]): string {
  return refs.map((r) => r.name).join('; ');
}

const QUARTER = ['', 'QUÝ I', 'QUÝ II', 'QUÝ III', 'QUÝ IV'];

/** The schedule as the document prints it: grouped by quarter, with lead and supporting units. */
export function TaskTable({ tasks, extraColumn }: { tasks: PlanTask[]; extraColumn?: (t: PlanTask) => ReactNode }) {
  type Row = { key: string; quarterRow?: number; task?: PlanTask };
  const rows: Row[] = [];
  let last: number | null | undefined;
  for (const t of tasks) {
    if (t.quarter !== last) rows.push({ key: `q${t.quarter}-${t.seq}`, quarterRow: t.quarter ?? 0 });
    last = t.quarter;
    rows.push({ key: t.id, task: t });
  }
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="task-table"
      columns={[
        {
          title: 'TT',
          width: 50,
          render: (_, r) => (r.quarterRow !== undefined ? { children: <b>{QUARTER[r.quarterRow] ?? 'CẢ NĂM'}</b>, props: { colSpan: 6 } } : r.task?.seq),
        },
        {
          title: 'Nội dung',
          render: (_, r) => (r.quarterRow !== undefined ? { props: { colSpan: 0 } } : <span style={{ whiteSpace: 'pre-wrap' }}>{r.task?.content}</span>),
        },
        {
          title: 'Đơn vị thực hiện',
          width: 260,
          render: (_, r) =>
            r.quarterRow !== undefined ? (
              { props: { colSpan: 0 } }
            ) : (
              <div>
                {r.task?.leadUnits.map((u) => (
                  <div key={u.name}>
                    <b>{u.name}</b> <Text type="secondary">(chủ trì)</Text>
                  </div>
                ))}
                {r.task?.supportUnits.map((u) => (
                  <div key={u.name}>{u.name}</div>
                ))}
              </div>
            ),
        },
        { title: 'Hạn', width: 100, render: (_, r) => (r.quarterRow !== undefined ? { props: { colSpan: 0 } } : fmtDate(r.task?.dueDate)) },
        {
          title: 'Tiến độ',
          width: 170,
          render: (_, r) =>
            r.quarterRow !== undefined ? (
              { props: { colSpan: 0 } }
            ) : (
              <div>
                <Progress percent={r.task?.progress ?? 0} size="small" status={r.task?.status === 'done' ? 'success' : 'normal'} />
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {r.task?.statusLabel}
                </Text>
              </div>
            ),
        },
        {
          title: '',
          width: extraColumn ? 200 : 1,
          render: (_, r) => (r.quarterRow !== undefined ? { props: { colSpan: 0 } } : r.task && extraColumn ? extraColumn(r.task) : null),
        },
      ]}
    />
  );
}

export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  if (!deadlines.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có thời hạn" />;
  return (
    <Table<Deadline>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={deadlines}
      data-testid="deadline-list"
      columns={[
        {
          title: 'Hạn',
          dataIndex: 'dueDate',
          width: 130,
          render: (d: string, r) => (
            <div>
              {r.startDate ? <Text type="secondary">Từ {fmtDate(r.startDate)}</Text> : null}
              <div>
                <Text type={r.overdue ? 'danger' : undefined}>{r.startDate ? `Đến hết ${fmtDate(d)}` : fmtDate(d)}</Text>
              </div>
              {r.notYetOpen ? <Tag color="blue">Chưa mở</Tag> : null}
            </div>
          ),
        },
        { title: 'Loại', dataIndex: 'kindLabel', width: 190, render: (v: string) => <Tag>{v}</Tag> },
        {
          title: 'Nội dung',
          render: (_, r) => (
            <div>
              <div>{r.title}</div>
              {r.honorLabels.length ? <Text type="secondary">Áp dụng cho: {r.honorLabels.join(', ')}</Text> : null}
              {r.dayCount && r.dayCountKind ? <div>{r.windowText}</div> : null}
              {r.note ? <Text type="warning">{r.note}</Text> : null}
            </div>
          ),
        },
        { title: 'Thực hiện', dataIndex: 'audience', width: 150, render: (a: string) => (a === 'units' ? 'Các đơn vị' : 'Văn phòng / đơn vị chủ trì') },
        {
          title: 'Tình trạng',
          dataIndex: 'status',
          width: 110,
          render: (s: string, r) =>
            r.overdue ? (
              <Tag color="red">Quá hạn</Tag>
            ) : s === 'done' ? (
              <Tag color="green">Đã xong</Tag>
            ) : s === 'draft' ? (
              <Tag>Dự thảo</Tag>
            ) : (
              <Tag color="blue">Đang mở</Tag>
            ),
        },
      ]}
    />
  );
}

/** A plan laid out like the document (NĐ 30/2020 order): basis, I. purpose/requirements, II. content, schedule, organisation, recipients, signer. */
export function PlanDocument({ plan, taskExtra }: { plan: Plan; taskExtra?: (t: PlanTask) => ReactNode }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8}>
          <Text>Số: {plan.number ?? '      '}</Text>
          <Text italic>
            {plan.place ?? ''}
            {plan.issuedDate ? `, ngày ${fmtDate(plan.issuedDate)}` : ''}
          </Text>
        </Flex>
        <Title level={4} style={{ textAlign: 'center', marginTop: 12 }}>
          KẾ HOẠCH
          <br />
          <span style={{ fontWeight: 500, fontSize: 16 }}>{plan.title}</span>
        </Title>
        {plan.basis.map((b, i) => (
          <Paragraph key={i} italic>
            {b}
          </Paragraph>
        ))}
        {plan.superiorPlanRef ? (
          <Paragraph>
            <Text type="secondary">Thực hiện kế hoạch cấp trên: </Text>
            {plan.superiorPlanRef}
          </Paragraph>
        ) : null}
      </Card>
      <Card size="small" title="I. Mục đích, yêu cầu">
        <Title level={5}>1. Mục đích</Title>
        <Lines text={plan.purpose} />
        <Title level={5}>2. Yêu cầu</Title>
        <Lines text={plan.requirements} />
      </Card>
      {plan.sections.length ? (
        <Card size="small" title="II. Nội dung">
          {plan.sections.map((s, i) => (
            <div key={i}>
              <Title level={5}>{s.heading}</Title>
              <Lines text={s.body} />
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={`Lịch nhiệm vụ theo quý (${plan.tasks.length} nhiệm vụ)`}>
        {plan.tasks.length ? <TaskTable tasks={plan.tasks} extraColumn={taskExtra} /> : <Empty description="Chưa có nhiệm vụ" />}
      </Card>
      <Card size="small" title="Thời hạn">
        <DeadlineList deadlines={plan.deadlines} />
      </Card>
      {plan.organisation.length ? (
        <Card size="small" title="Tổ chức thực hiện">
          {plan.organisation.map((s, i) => (
            <div key={i}>
              <Title level={5}>{s.heading}</Title>
              <Lines text={s.body} />
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small">
        <Flex justify="space-between" wrap gap={24}>
          <div>
            <Text strong italic>
              Nơi nhận:
            </Text>
            {plan.recipients.map((r, i) => (
              <div key={i} style={{ fontSize: 13 }}>
                - {r}
              </div>
            ))}
          </div>
          <div style={{ textAlign: 'center', minWidth: 220 }}>
            <Text strong>{plan.signerTitle ?? ''}</Text>
            <div style={{ height: 48 }} />
            <Text strong>{plan.signerName ?? ''}</Text>
          </div>
        </Flex>
      </Card>
    </Space>
  );
}

function targetValue(t: Movement['targets'][number]): string {
  const v = t.valueMax != null ? `${t.value} – ${t.valueMax}` : String(t.value);
  return t.measure === 'share' ? `${v}%` : v;
}

/** Targets with their progress from registrations and honors awarded. */
export function TargetsTable({ targets }: { targets: Movement['targets'] }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={targets}
      data-testid="targets-table"
      columns={[
        { title: 'Chỉ tiêu', dataIndex: 'label' },
        { title: 'Đối tượng', dataIndex: 'subjectKindLabel', width: 90 },
        { title: 'Danh hiệu', dataIndex: 'honorLabel', width: 190, render: (v: string | null) => v ?? <Text type="secondary">(không đo được tự động)</Text> },
        { title: 'Mức', width: 80, render: (_, t) => targetValue(t) },
        {
          title: 'Tiến độ (đã khen / đã đăng ký)',
          width: 300,
          render: (_, t) =>
            t.progress && t.honor ? (
              <Tooltip
                title={`Đã đăng ký: ${t.progress.registered}${t.progress.base != null ? `/${t.progress.base} (${t.progress.registeredPercent}%)` : ''} · Đã được khen: ${t.progress.awarded}${t.progress.base != null ? ` (${t.progress.awardedPercent}%)` : ''}`}
              >
                <Progress
                  percent={Math.min(100, t.progress.awardedPercent ?? 0)}
                  success={{ percent: 0 }}
                  strokeColor={t.progress.achieved ? '#52c41a' : undefined}
                  format={() => `${t.progress?.awarded ?? 0}${t.progress?.base != null ? `/${t.progress.base}` : ''}`}
                />
                <Progress
                  percent={Math.min(100, t.progress.registeredPercent ?? 0)}
                  size="small"
                  strokeColor="#bfbfbf"
                  format={() => `ĐK ${t.progress?.registered ?? 0}`}
                />
              </Tooltip>
            ) : (
              <Text type="secondary">—</Text>
            ),
        },
      ]}
    />
  );
}

export function MovementDocument({ m, extra }: { m: Movement; extra?: ReactNode }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Đơn vị phát động">{m.unitName}</Descriptions.Item>
          <Descriptions.Item label="Loại">{m.typeLabel}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {fmtDate(m.startDate)} – {fmtDate(m.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label="Đăng ký thi đua">
            {m.registrationStartDate ? `Từ ${fmtDate(m.registrationStartDate)} đến hết ${fmtDate(m.registrationDeadline)}` : fmtDate(m.registrationDeadline)}
          </Descriptions.Item>
          {m.number || m.issuedDate || m.issuer ? (
            <Descriptions.Item label="Văn bản phát động" span={2}>
              <span data-testid="movement-identity">
                {[m.number ? `Số ${m.number}` : null, m.issuedDate ? `ngày ${fmtDate(m.issuedDate)}` : null, m.issuer].filter(Boolean).join(', ')}
              </span>
            </Descriptions.Item>
          ) : null}
          {m.theme ? (
            <Descriptions.Item label="Chủ đề" span={2}>
              {m.theme}
            </Descriptions.Item>
          ) : null}
          {m.slogan ? (
            <Descriptions.Item label="Khẩu hiệu" span={2}>
              {m.slogan}
            </Descriptions.Item>
          ) : null}
          {m.parent ? (
            <Descriptions.Item label="Phong trào cấp trên" span={2}>
              {m.parent.title}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="Đơn vị tham gia" span={2}>
            {m.participants.length ? m.participants.map((p) => p.name).join('; ') : 'Tất cả các đơn vị thuộc đơn vị phát động'}
          </Descriptions.Item>
          {m.basis ? (
            <Descriptions.Item label="Căn cứ" span={2}>
              {m.basis}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {extra}
      <Card size="small" title="Chỉ tiêu thi đua và tiến độ">
        {m.targets.length ? <TargetsTable targets={m.targets} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có chỉ tiêu đo được" />}
      </Card>
      <Card size="small" title="Các đợt thi đua">
        {m.phases.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={m.phases}
            columns={[
              { title: 'Đợt', dataIndex: 'name', width: 180 },
              { title: 'Thời gian', width: 200, render: (_, p) => `${fmtDate(p.startDate)} – ${fmtDate(p.endDate)}` },
              { title: 'Hạn sơ kết / tổng kết', dataIndex: 'summingUpDeadline', width: 150, render: fmtDate },
              { title: 'Nội dung', dataIndex: 'content' },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Một đợt suốt thời gian thi đua" />
        )}
      </Card>
      <Card size="small" title="Hình thức khen thưởng, chỉ tiêu khen thưởng">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={m.honors}
          locale={{ emptyText: 'Chưa khai báo' }}
          columns={[
            { title: 'Hình thức', dataIndex: 'honorLabel', width: 200 },
            { title: 'Cấp khen', dataIndex: 'awardedBy', width: 200 },
            {
              title: 'Đối tượng',
              dataIndex: 'subjectKinds',
              width: 130,
              render: (k: string[]) => k.map((x) => (x === 'individual' ? 'Cá nhân' : x === 'collective' ? 'Tập thể' : 'Hộ gia đình')).join(', '),
            },
            {
              title: 'Chỉ tiêu',
              width: 230,
              render: (_, h) => (h.quota == null ? <Tag color="green">Không giới hạn</Tag> : <Tag color="orange">Tối đa {h.quota}</Tag>),
            },
            {
              title: 'Đã đăng ký',
              dataIndex: 'registered',
              width: 100,
              render: (n: number, h) => <Text type={h.quota != null && n > h.quota ? 'danger' : undefined}>{n}</Text>,
            },
            {
              title: 'Tiêu chuẩn riêng',
              render: (_, h) => (
                <div>
                  {h.quotaNote ? <div>{h.quotaNote}</div> : null}
                  {h.minTargetShare != null ? (
                    <Text type="secondary">
                      Tập thể hoàn thành ≥ {h.minTargetShare}% chỉ tiêu đã đăng ký đến {fmtDate(h.criteriaByDate)}
                    </Text>
                  ) : null}
                </div>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="Thời hạn">
        <DeadlineList deadlines={m.deadlines} />
      </Card>
      {m.content || m.purpose || m.criteria || m.subjectsText ? (
        <Card size="small" title="Nội dung phong trào">
          {m.purpose ? (
            <>
              <Title level={5}>Mục đích</Title>
              <Lines text={m.purpose} />
            </>
          ) : null}
          {m.content ? (
            <>
              <Title level={5}>Nội dung thi đua</Title>
              <Lines text={m.content} />
            </>
          ) : null}
          {m.subjectsText ? (
            <>
              <Title level={5}>Đối tượng</Title>
              <Lines text={m.subjectsText} />
            </>
          ) : null}
          {m.criteria ? (
            <>
              <Title level={5}>Tiêu chuẩn</Title>
              <Lines text={m.criteria} />
            </>
          ) : null}
          {m.signerName ? (
            <div style={{ textAlign: 'right', marginTop: 12 }}>
              <Text strong>{m.signerTitle}</Text>
              <br />
              <Text strong>{m.signerName}</Text>
            </div>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
