/**
 * The public portal (no sign-in): home with the latest items, exemplars, stories and decisions (a list
 * with search and pages, and a page per item at a stable URL), and a search across them. Everything shown
 * comes from /api/public/* — the one public presenter's fields, nothing else.
 */
import { Button, Card, Col, Empty, Input, Layout, List, Pagination, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  getPublicDecision,
  getPublicExemplar,
  getPublicStory,
  listPublicDecisions,
  listPublicExemplars,
  listPublicStories,
  type PublicDecision,
  type PublicExemplar,
  type PublicStory,
} from '../../api/exemplars';
import { getPublic } from '../../api/plans';
import { keys } from '../../api/keys';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { currentYearVn } from '../../lib/today';
import { MovementsCard, PlansCard, QueryView } from './parts';

const PAGE_SIZE = 12;

function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Cổng thông tin thi đua, khen thưởng` : 'Cổng thông tin thi đua, khen thưởng';
  }, [title]);
}

const NAV: { to: string; label: string }[] = [
  { to: '/cong-khai', label: 'Trang chủ' },
  { to: '/cong-khai/dien-hinh', label: 'Điển hình tiên tiến' },
  { to: '/cong-khai/bai-viet', label: 'Bài viết' },
  { to: '/cong-khai/quyet-dinh', label: 'Quyết định khen thưởng' },
  { to: '/cong-khai/lay-y-kien', label: 'Lấy ý kiến' },
  { to: '/cong-khai/don-thu', label: 'Gửi đơn thư' },
];

function SearchBox({ initial = '', size }: { initial?: string; size?: 'large' }) {
  const navigate = useNavigate();
  const [v, setV] = useState(initial);
  useEffect(() => setV(initial), [initial]);
  return (
    <Input.Search
      placeholder="Tìm điển hình, bài viết, quyết định…"
      value={v}
      size={size}
      onChange={(e) => setV(e.target.value)}
      onSearch={(q) => void navigate(`/cong-khai/tim-kiem?q=${encodeURIComponent(q.trim())}`)}
      enterButton="Tìm"
      aria-label="Tìm kiếm trên cổng"
      data-testid="portal-search"
      style={{ maxWidth: 520 }}
    />
  );
}

/** The portal's frame: header, section links (they wrap on a phone), content, footer. */
export function PortalFrame({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#8f1d1d',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 16,
          gap: 8,
          height: 'auto',
          minHeight: 56,
        }}
      >
        <Link to="/cong-khai" style={{ color: '#fff', fontSize: 17, fontWeight: 600, lineHeight: 1.3, padding: '8px 0' }}>
          ★ Cổng thông tin thi đua, khen thưởng
        </Link>
        <Link to="/dang-nhap">
          <Button size="small">Đăng nhập</Button>
        </Link>
      </Layout.Header>
      <nav aria-label="Mục của cổng" style={{ background: '#fff', borderBottom: '1px solid #eee', padding: '6px 16px' }}>
        <Space wrap size={[16, 4]} style={{ maxWidth: 1200, margin: '0 auto', display: 'flex' }}>
          {NAV.map((n) => (
            <Link key={n.to} to={n.to} data-testid={`portal-nav-${n.to.split('/')[2] ?? 'home'}`}>
              {n.label}
            </Link>
          ))}
        </Space>
      </nav>
      <Layout.Content style={{ padding: '16px 12px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>
        Thông tin công khai theo quy định; không công khai số định danh, ngày sinh, điện thoại, địa chỉ, thư điện tử của cá nhân (Nghị định 13/2023/NĐ-CP).
        <br />
        <a href="/api/public/feed.atom">Tin mới (Atom)</a> · <a href="/api/public/sitemap.xml">Sơ đồ trang</a>
      </Layout.Footer>
    </Layout>
  );
}

function ExemplarCard({ e }: { e: PublicExemplar }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="portal-exemplar">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.kindLabel} · {e.unitName}
      </Typography.Text>
      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        <Link to={e.url}>{e.name}</Link>
      </Typography.Title>
      {e.positionText ? <div style={{ fontSize: 13 }}>{e.positionText}</div> : null}
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '6px 0 0' }}>
        {e.achievement}
      </Typography.Paragraph>
    </Card>
  );
}

function StoryCard({ s }: { s: PublicStory }) {
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid="portal-story"
      cover={s.coverImageUrl ? <img src={s.coverImageUrl} alt="" style={{ aspectRatio: '3 / 2', objectFit: 'cover' }} loading="lazy" /> : undefined}
    >
      <Typography.Title level={5} style={{ margin: 0 }}>
        <Link to={s.url}>{s.title}</Link>
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {fmtDate(s.publishedAt)} · {s.unitName}
      </Typography.Text>
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '6px 0 0' }}>
        {s.summary}
      </Typography.Paragraph>
    </Card>
  );
}

function DecisionRows({ items, testId }: { items: PublicDecision[]; testId?: string }) {
  return (
    <List
      dataSource={items}
      data-testid={testId}
      locale={{ emptyText: 'Chưa có quyết định được công khai.' }}
      renderItem={(d) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={d.url}>Quyết định số {d.numberText}</Link>}
            description={
              <>
                <div>{d.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDate(d.decisionDate)} · {d.issuerName} · {d.signerTitle} {d.signerName} · {d.awardeeCount} được khen
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

function Grid<T>({ items, render, empty }: { items: T[]; render: (x: T) => ReactNode; empty: string }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Row gutter={[12, 12]}>
      {items.map((x, i) => (
        <Col key={i} xs={24} sm={12} lg={8}>
          {render(x)}
        </Col>
      ))}
    </Row>
  );
}

function VerifyBox() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input placeholder="Mã xác minh in trên giấy khen" value={code} onChange={(e) => setCode(e.target.value)} aria-label="Mã xác minh" />
      <Button type="primary" disabled={!code.trim()} onClick={() => void navigate(`/xac-minh/${encodeURIComponent(code.trim())}`)}>
        Tra cứu
      </Button>
    </Space.Compact>
  );
}

export function PortalHomePage() {
  usePageTitle(undefined);
  const ex = useQuery({ queryKey: keys.portal.exemplars({ home: 1 }), queryFn: () => listPublicExemplars({ pageSize: 6 }) });
  const st = useQuery({ queryKey: keys.portal.stories({ home: 1 }), queryFn: () => listPublicStories({ pageSize: 6 }) });
  const de = useQuery({ queryKey: keys.portal.decisions({ home: 1 }), queryFn: () => listPublicDecisions({ pageSize: 6 }) });
  const plans = useQuery({ queryKey: keys.publicPlans, queryFn: getPublic });
  const section = (title: string, to: string, body: ReactNode) => (
    <Card
      size="small"
      title={title}
      extra={
        <Link to={to} style={{ whiteSpace: 'nowrap' }}>
          Xem tất cả
        </Link>
      }
    >
      {body}
    </Card>
  );
  return (
    <PortalFrame>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <SearchBox size="large" />
        {ex.isError ? <ErrorAlert error={ex.error} /> : null}
        {section(
          'Bài viết mới',
          '/cong-khai/bai-viet',
          st.isPending ? <LoadingBlock /> : <Grid items={st.data?.items ?? []} render={(s) => <StoryCard s={s} />} empty="Chưa có bài viết." />,
        )}
        {section(
          'Điển hình tiên tiến',
          '/cong-khai/dien-hinh',
          ex.isPending ? (
            <LoadingBlock />
          ) : (
            <Grid items={ex.data?.items ?? []} render={(e) => <ExemplarCard e={e} />} empty="Chưa có điển hình được công khai." />
          ),
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            {section(
              'Quyết định khen thưởng',
              '/cong-khai/quyet-dinh',
              de.isPending ? <LoadingBlock /> : <DecisionRows items={de.data?.items ?? []} testId="portal-home-decisions" />,
            )}
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title="Dành cho người dân, cán bộ">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Link to="/cong-khai/lay-y-kien">Lấy ý kiến về danh sách đề nghị khen thưởng</Link>
                  <Link to="/cong-khai/don-thu" data-testid="public-petitions-link">
                    Gửi, theo dõi đơn thư, kiến nghị
                  </Link>
                  <div>Xác minh giấy khen, bằng khen:</div>
                  <VerifyBox />
                </Space>
              </Card>
              <MovementsCard movements={plans.data?.movements ?? []} />
              <PlansCard plans={plans.data?.plans ?? []} />
            </Space>
          </Col>
        </Row>
      </Space>
    </PortalFrame>
  );
}

/** ?q= and ?trang= in the URL, so that a searched page has its own address. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const set = (next: { q?: string; page?: number; extra?: Record<string, string | undefined> }) => {
    const p = new URLSearchParams(params);
    if (next.q !== undefined) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
      p.delete('trang');
    }
    if (next.page !== undefined) {
      if (next.page > 1) p.set('trang', String(next.page));
      else p.delete('trang');
    }
    for (const [k, v] of Object.entries(next.extra ?? {})) {
      if (v) p.set(k, v);
      else p.delete(k);
      p.delete('trang');
    }
    setParams(p);
  };
  return { q, page, params, set };
}

function ListShell({
  title,
  q,
  onSearch,
  filters,
  total,
  page,
  onPage,
  children,
}: {
  title: string;
  q: string;
  onSearch: (q: string) => void;
  filters?: ReactNode;
  total: number;
  page: number;
  onPage: (p: number) => void;
  children: ReactNode;
}) {
  const [v, setV] = useState(q);
  useEffect(() => setV(q), [q]);
  return (
    <PortalFrame>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="Tìm kiếm"
          value={v}
          onChange={(e) => setV(e.target.value)}
          onSearch={(x) => onSearch(x.trim())}
          style={{ width: 280 }}
          data-testid="portal-list-search"
        />
        {filters}
        <Typography.Text type="secondary">{total} mục</Typography.Text>
      </Space>
      {children}
      {total > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          onChange={onPage}
          showSizeChanger={false}
          data-testid="portal-pagination"
        />
      ) : null}
    </PortalFrame>
  );
}

export function PortalExemplarsPage() {
  usePageTitle('Điển hình tiên tiến');
  const { q, page, set } = useListParams();
  const filter = { q: q || undefined, page, pageSize: PAGE_SIZE };
  const r = useQuery({ queryKey: keys.portal.exemplars(filter), queryFn: () => listPublicExemplars(filter) });
  return (
    <ListShell title="Điển hình tiên tiến" q={q} onSearch={(x) => set({ q: x })} total={r.data?.total ?? 0} page={page} onPage={(p) => set({ page: p })}>
      <QueryView q={r}>{(data) => <Grid items={data.items} render={(e) => <ExemplarCard e={e} />} empty="Không có điển hình phù hợp." />}</QueryView>
    </ListShell>
  );
}

export function PortalStoriesPage() {
  usePageTitle('Bài viết');
  const { q, page, set } = useListParams();
  const filter = { q: q || undefined, page, pageSize: PAGE_SIZE };
  const r = useQuery({ queryKey: keys.portal.stories(filter), queryFn: () => listPublicStories(filter) });
  return (
    <ListShell
      title="Bài viết về điển hình tiên tiến"
      q={q}
      onSearch={(x) => set({ q: x })}
      total={r.data?.total ?? 0}
      page={page}
      onPage={(p) => set({ page: p })}
    >
      <QueryView q={r}>{(data) => <Grid items={data.items} render={(s) => <StoryCard s={s} />} empty="Không có bài viết phù hợp." />}</QueryView>
    </ListShell>
  );
}

export function PortalDecisionsPage() {
  usePageTitle('Quyết định khen thưởng');
  const { q, page, params, set } = useListParams();
  const year = params.get('nam') ? Number(params.get('nam')) : undefined;
  const filter = { q: q || undefined, year, page, pageSize: PAGE_SIZE };
  const r = useQuery({ queryKey: keys.portal.decisions(filter), queryFn: () => listPublicDecisions(filter) });
  const years = Array.from({ length: 8 }, (_, i) => currentYearVn() - i);
  return (
    <ListShell
      title="Quyết định khen thưởng đã ban hành"
      q={q}
      onSearch={(x) => set({ q: x })}
      total={r.data?.total ?? 0}
      page={page}
      onPage={(p) => set({ page: p })}
      filters={
        <Select
          allowClear
          placeholder="Năm"
          style={{ width: 120 }}
          value={year}
          onChange={(v?: number) => set({ extra: { nam: v ? String(v) : undefined } })}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
        />
      }
    >
      <QueryView q={r}>{(data) => <DecisionRows items={data.items} testId="portal-decisions" />}</QueryView>
    </ListShell>
  );
}

function ItemFrame({ pending, error, children }: { pending: boolean; error: unknown; children: () => ReactNode }) {
  return <PortalFrame>{pending ? <LoadingBlock /> : error ? <ErrorAlert error={error} title="Không tìm thấy nội dung" /> : children()}</PortalFrame>;
}

export function PortalExemplarPage() {
  const { id } = useParams();
  const r = useQuery({ queryKey: keys.portal.exemplar(id), queryFn: () => getPublicExemplar(id!) });
  const stories = useQuery({ queryKey: keys.portal.stories({ exemplarId: id }), queryFn: () => listPublicStories({ exemplarId: id, pageSize: 20 }) });
  usePageTitle(r.data?.name);
  return (
    <ItemFrame pending={r.isPending} error={r.error}>
      {() => {
        const e = r.data!;
        return (
          <article data-testid="portal-exemplar-page">
            <Typography.Text type="secondary">
              {e.kindLabel} · {e.unitName}
            </Typography.Text>
            <Typography.Title level={2} style={{ marginTop: 4 }}>
              {e.name}
            </Typography.Title>
            {e.positionText ? <Typography.Paragraph strong>{e.positionText}</Typography.Paragraph> : null}
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag color="green">{e.stageLabel}</Tag>
              {e.movementId ? <Link to={`/cong-khai/phong-trao/${e.movementId}`}>{e.movementTitle}</Link> : null}
              {e.decisionNumber ? (
                <span>
                  Quyết định số {e.decisionNumber}
                  {e.decisionDate ? ` ngày ${fmtDate(e.decisionDate)}` : ''}
                </span>
              ) : null}
            </Space>
            <Typography.Title level={4}>Thành tích, việc làm tiêu biểu</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.achievement}</Typography.Paragraph>
            {e.assessment ? (
              <>
                <Typography.Title level={4}>Tổng kết</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.assessment}</Typography.Paragraph>
              </>
            ) : null}
            {e.spread.length > 0 ? (
              <>
                <Typography.Title level={4}>Nhân rộng</Typography.Title>
                <List
                  dataSource={e.spread}
                  renderItem={(s) => (
                    <List.Item>
                      <List.Item.Meta title={`${fmtDate(s.date)} · ${s.where}`} description={s.content} />
                    </List.Item>
                  )}
                />
              </>
            ) : null}
            {(stories.data?.items.length ?? 0) > 0 ? (
              <>
                <Typography.Title level={4}>Bài viết</Typography.Title>
                <Grid items={stories.data!.items} render={(s) => <StoryCard s={s} />} empty="" />
              </>
            ) : null}
          </article>
        );
      }}
    </ItemFrame>
  );
}

export function PortalStoryPage() {
  const { id } = useParams();
  const r = useQuery({ queryKey: keys.portal.story(id), queryFn: () => getPublicStory(id!) });
  usePageTitle(r.data?.title);
  return (
    <ItemFrame pending={r.isPending} error={r.error}>
      {() => {
        const s = r.data!;
        return (
          <article style={{ maxWidth: 780, margin: '0 auto' }} data-testid="portal-story-page">
            <Typography.Title level={2}>{s.title}</Typography.Title>
            <Typography.Text type="secondary">
              {fmtDate(s.publishedAt)} · {s.authorName} · {s.unitName}
            </Typography.Text>
            {s.exemplarId ? (
              <div style={{ marginTop: 4 }}>
                Điển hình: <Link to={`/cong-khai/dien-hinh/${s.exemplarId}`}>{s.exemplarName}</Link>
              </div>
            ) : null}
            <Typography.Paragraph strong style={{ marginTop: 12 }}>
              {s.summary}
            </Typography.Paragraph>
            {/* Sanitised on the server when saved: only the allowed tags are left. */}
            <div className="story-body" style={{ lineHeight: 1.7, overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: s.bodyHtml }} />
            {s.images.map((img) => (
              <figure key={img.url} style={{ margin: '16px 0' }}>
                <img
                  src={img.url}
                  alt={img.caption}
                  width={img.width}
                  height={img.height}
                  style={{ maxWidth: '100%', height: 'auto' }}
                  data-testid="portal-story-image"
                />
                {img.caption ? <figcaption style={{ fontSize: 13, color: '#555', fontStyle: 'italic' }}>{img.caption}</figcaption> : null}
              </figure>
            ))}
          </article>
        );
      }}
    </ItemFrame>
  );
}

export function PortalDecisionPage() {
  const { id } = useParams();
  const r = useQuery({ queryKey: keys.portal.decision(id), queryFn: () => getPublicDecision(id!) });
  usePageTitle(r.data ? `Quyết định số ${r.data.numberText}` : undefined);
  return (
    <ItemFrame pending={r.isPending} error={r.error}>
      {() => {
        const d = r.data!;
        return (
          <article data-testid="portal-decision-page">
            <Typography.Title level={3}>Quyết định số {d.numberText}</Typography.Title>
            <Typography.Paragraph>{d.title}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              Ngày {fmtDate(d.decisionDate)} · {d.issuerName} · Người ký: {d.signerTitle} {d.signerName}
            </Typography.Paragraph>
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              data-testid="portal-awardees"
              dataSource={d.awardees}
              pagination={d.awardees.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 560 }}
              columns={[
                { title: 'TT', key: 'i', width: 50, render: (_, __, i) => i + 1 },
                { title: 'Họ tên, tập thể', dataIndex: 'name' },
                { title: 'Chức vụ, đơn vị', dataIndex: 'positionText', render: (v: string | null) => v ?? '' },
                { title: 'Hình thức khen thưởng', dataIndex: 'honorLabel' },
              ]}
            />
          </article>
        );
      }}
    </ItemFrame>
  );
}

export function PortalSearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  usePageTitle(q ? `Tìm “${q}”` : 'Tìm kiếm');
  const f = { q: q || undefined, pageSize: 6 };
  const ex = useQuery({ queryKey: keys.portal.exemplars({ s: f }), queryFn: () => listPublicExemplars(f), enabled: Boolean(q) });
  const st = useQuery({ queryKey: keys.portal.stories({ s: f }), queryFn: () => listPublicStories(f), enabled: Boolean(q) });
  const de = useQuery({ queryKey: keys.portal.decisions({ s: f }), queryFn: () => listPublicDecisions(f), enabled: Boolean(q) });
  const more = (to: string, total: number | undefined) =>
    (total ?? 0) > 6 ? <Link to={`${to}?q=${encodeURIComponent(q)}`}>Xem cả {total} kết quả</Link> : null;
  return (
    <PortalFrame>
      <Typography.Title level={3}>Tìm kiếm</Typography.Title>
      <SearchBox initial={q} />
      {!q ? (
        <Typography.Paragraph style={{ marginTop: 16 }}>Nhập từ khóa (có dấu hoặc không dấu).</Typography.Paragraph>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 16 }} data-testid="portal-search-results">
          <Card size="small" title={`Điển hình (${ex.data?.total ?? '…'})`} extra={more('/cong-khai/dien-hinh', ex.data?.total)}>
            <Grid items={ex.data?.items ?? []} render={(e) => <ExemplarCard e={e} />} empty="Không có kết quả." />
          </Card>
          <Card size="small" title={`Bài viết (${st.data?.total ?? '…'})`} extra={more('/cong-khai/bai-viet', st.data?.total)}>
            <Grid items={st.data?.items ?? []} render={(s) => <StoryCard s={s} />} empty="Không có kết quả." />
          </Card>
          <Card size="small" title={`Quyết định (${de.data?.total ?? '…'})`} extra={more('/cong-khai/quyet-dinh', de.data?.total)}>
            <DecisionRows items={de.data?.items ?? []} />
          </Card>
        </Space>
      )}
    </PortalFrame>
  );
}
