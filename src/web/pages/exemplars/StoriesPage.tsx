/** Stories (bài viết) about exemplars: the list, and the editor with photos and the draft → approved → published → withdrawn workflow. */
import { Alert, App, Button, Card, Col, Form, Image, Input, Popconfirm, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  addStoryImage,
  captionStoryImage,
  createStory,
  exemplarAbilities,
  getStory,
  listExemplars,
  listStories,
  moveStory,
  removeStoryImage,
  storyImageUrl,
  updateStory,
  type Story,
  type StoryMove,
  type StorySummary,
} from '../../api/exemplars';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../lib/hooks';
import { fmtDateTime } from '../../lib/format';
import { STORY_STATUS_LABELS, STORY_STATUSES } from '../../../shared/codes';
import { ExemplarTabs, storyTag } from './nav';
import { RichTextEditor } from './RichTextEditor';

export default function StoriesPage() {
  const user = useUser();
  const can = exemplarAbilities(user);
  const [status, setStatus] = useState<(typeof STORY_STATUSES)[number] | undefined>();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [page, setPage] = useState(1);
  const filter = { status, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: keys.exemplars.stories(filter), queryFn: () => listStories(filter) });
  return (
    <>
      <PageHeader
        title="Bài viết về điển hình"
        subtitle="Nháp → duyệt (lãnh đạo hoặc Văn phòng) → đăng lên cổng → gỡ"
        extra={
          can.writeStory ? (
            <Link to="/dien-hinh/bai-viet/moi">
              <Button type="primary" icon={<PlusOutlined />} data-testid="story-new">
                Viết bài
              </Button>
            </Link>
          ) : null
        }
      />
      <ExemplarTabs />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="Tìm theo tiêu đề" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} />
        <Select
          allowClear
          placeholder="Trạng thái"
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={STORY_STATUSES.map((s) => ({ value: s, label: STORY_STATUS_LABELS[s] }))}
        />
      </Space>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<StorySummary>
        rowKey="id"
        data-testid="stories-table"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: 'Tiêu đề', key: 't', render: (_, s) => <Link to={`/dien-hinh/bai-viet/${s.id}`}>{s.title}</Link> },
          { title: 'Điển hình', dataIndex: 'exemplarName', render: (v: string | null) => v ?? '—' },
          { title: 'Đơn vị', dataIndex: 'unitName', width: 200 },
          { title: 'Tác giả', dataIndex: 'authorName', width: 160 },
          { title: 'Trạng thái', key: 's', width: 110, render: (_, s) => storyTag(s.status, s.statusLabel) },
        ]}
      />
    </>
  );
}

interface DraftValues {
  unitId: string;
  exemplarId?: string;
  title: string;
  summary: string;
  bodyHtml: string;
  authorName: string;
}

const MOVES: { move: StoryMove; ability: string; label: string; confirm: string; done: string; primary?: boolean; danger?: boolean }[] = [
  { move: 'approve', ability: 'approve', label: 'Duyệt bài', confirm: 'Duyệt bài viết này?', done: 'Đã duyệt bài viết.', primary: true },
  { move: 'publish', ability: 'publish', label: 'Đăng lên cổng', confirm: 'Đăng bài lên cổng thông tin công khai?', done: 'Đã đăng bài.', primary: true },
  { move: 'withdraw', ability: 'withdraw', label: 'Gỡ khỏi cổng', confirm: 'Gỡ bài khỏi cổng thông tin?', done: 'Đã gỡ bài.', danger: true },
  { move: 'redraft', ability: 'redraft', label: 'Đưa về nháp để sửa', confirm: 'Đưa bài về nháp? Bài cần được duyệt lại.', done: 'Bài đã về nháp.' },
];

function Photos({ story }: { story: Story }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [caption, setCaption] = useState('');
  const editable = story.abilities.includes('update');
  const up = useMutation({
    mutationFn: (file: File) => addStoryImage(story.id, file, caption),
    onSuccess: async () => {
      setCaption('');
      message.success('Đã thêm ảnh (đã thu nhỏ, bỏ thông tin EXIF).');
      await qc.invalidateQueries({ queryKey: keys.exemplars.story(story.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const remove = useMutation({
    mutationFn: (imageId: string) => removeStoryImage(story.id, imageId),
    onSuccess: (row) => {
      message.success('Đã xóa ảnh.');
      qc.setQueryData(keys.exemplars.story(story.id), row);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const recaption = useMutation({
    mutationFn: (e: { id: string; text: string }) => captionStoryImage(story.id, e.id, e.text),
    onSuccess: (row) => {
      setEditing(null);
      message.success('Đã lưu chú thích ảnh.');
      qc.setQueryData(keys.exemplars.story(story.id), row);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card size="small" title={`Ảnh (${story.images.length})`}>
      {story.images.length === 0 ? <Typography.Text type="secondary">Chưa có ảnh.</Typography.Text> : null}
      <Row gutter={[12, 12]}>
        {story.images.map((img) => (
          <Col key={img.id} xs={24} sm={12}>
            <figure style={{ margin: 0 }}>
              <Image src={storyImageUrl(story.id, img.id)} alt={img.caption} style={{ maxWidth: '100%' }} />
              {editing?.id === img.id ? (
                <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                  <Input
                    value={editing.text}
                    onChange={(e) => setEditing({ id: img.id, text: e.target.value })}
                    onPressEnter={() => recaption.mutate(editing)}
                    maxLength={500}
                    aria-label="Chú thích ảnh"
                    data-testid="story-image-caption-edit"
                  />
                  <Button type="primary" loading={recaption.isPending} onClick={() => recaption.mutate(editing)} data-testid="story-image-caption-save">
                    Lưu
                  </Button>
                  <Button onClick={() => setEditing(null)}>Hủy</Button>
                </Space.Compact>
              ) : null}
              <figcaption style={{ fontSize: 12, color: '#666' }}>
                {img.caption || '(không chú thích)'} · {img.width}×{img.height}
                {editable && editing?.id !== img.id ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ id: img.id, text: img.caption })}
                    data-testid="story-image-caption-open"
                  >
                    Sửa chú thích
                  </Button>
                ) : null}
                {editable ? (
                  <Popconfirm title="Xóa ảnh này khỏi bài viết?" okText="Xóa" cancelText="Hủy" onConfirm={() => remove.mutate(img.id)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="story-image-remove">
                      Xóa ảnh
                    </Button>
                  </Popconfirm>
                ) : null}
              </figcaption>
            </figure>
          </Col>
        ))}
      </Row>
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="Chú thích ảnh" value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={300} data-testid="story-image-caption" />
          <Upload
            accept="image/jpeg,image/png,image/webp,image/gif"
            showUploadList={false}
            beforeUpload={(file) => {
              up.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={up.isPending} data-testid="story-image-upload">
              Tải ảnh lên (JPEG, PNG, WebP, GIF ≤ 5 MB)
            </Button>
          </Upload>
        </Space>
      ) : null}
    </Card>
  );
}

export function StoryPage() {
  const { id } = useParams();
  const isNew = !id;
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<DraftValues>();
  const q = useQuery({ queryKey: keys.exemplars.story(id), queryFn: () => getStory(id!), enabled: !isNew });
  const exemplars = useQuery({ queryKey: keys.exemplars.list({ pageSize: 200 }), queryFn: () => listExemplars({ pageSize: 200 }) });
  const story = q.data;
  const editable = isNew || Boolean(story?.abilities.includes('update'));
  useEffect(() => {
    if (isNew)
      form.setFieldsValue({ unitId: user.unitId, exemplarId: params.get('dienHinh') ?? undefined, authorName: user.displayName.replace(/ \(.*\)$/, '') });
    else if (story)
      form.setFieldsValue({
        unitId: story.unitId,
        exemplarId: story.exemplarId ?? undefined,
        title: story.title,
        summary: story.summary,
        bodyHtml: story.bodyHtml,
        authorName: story.authorName,
      });
  }, [isNew, story, form, user, params]);
  const save = useMutation({
    mutationFn: (v: DraftValues) => {
      const body = { ...v, exemplarId: v.exemplarId ?? null, version: story?.version };
      return isNew ? createStory(body) : updateStory(id, body);
    },
    onSuccess: async (row) => {
      message.success(isNew ? 'Đã lưu bài nháp. Hãy thêm ảnh, rồi trình duyệt.' : 'Đã lưu bài viết.');
      qc.setQueryData(keys.exemplars.story(row.id), row);
      await qc.invalidateQueries({ queryKey: keys.exemplars.all });
      if (isNew) void navigate(`/dien-hinh/bai-viet/${row.id}`, { replace: true });
    },
  });
  const move = useMutation({
    mutationFn: (m: (typeof MOVES)[number]) => moveStory(id!, m.move),
    onSuccess: async (row, m) => {
      message.success(m.done);
      qc.setQueryData(keys.exemplars.story(row.id), row);
      await qc.invalidateQueries({ queryKey: keys.exemplars.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!isNew && q.isPending) return <LoadingBlock />;
  if (!isNew && q.isError) return <ErrorAlert error={q.error} />;
  return (
    <>
      <PageHeader
        title={isNew ? 'Viết bài về điển hình' : story!.title}
        subtitle={
          story ? (
            <Space wrap>
              {storyTag(story.status, story.statusLabel)}
              <span>{story.unitName}</span>
              {story.publishedAt ? <span>Đăng lúc {fmtDateTime(story.publishedAt)}</span> : null}
              {story.status === 'published' ? <Link to={`/cong-khai/bai-viet/${story.id}`}>Xem trên cổng</Link> : null}
            </Space>
          ) : undefined
        }
        extra={
          story
            ? MOVES.filter((m) => story.abilities.includes(m.ability)).map((m) => (
                <Popconfirm key={m.move} title={m.confirm} okText="Đồng ý" cancelText="Hủy" onConfirm={() => move.mutate(m)}>
                  <Button type={m.primary ? 'primary' : 'default'} danger={m.danger} loading={move.isPending} data-testid={`story-${m.move}`}>
                    {m.label}
                  </Button>
                </Popconfirm>
              ))
            : null
        }
      />
      <ExemplarTabs />
      {story && story.status === 'draft' && !story.abilities.includes('approve') ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Bài nháp chờ lãnh đạo hoặc Văn phòng duyệt trước khi đăng lên cổng." />
      ) : null}
      {story && story.status === 'approved' && !story.abilities.includes('publish') ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Bài đã được duyệt, chờ lãnh đạo hoặc Văn phòng đăng lên cổng." />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            {save.isError ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} /> : null}
            <Form<DraftValues> form={form} layout="vertical" disabled={!editable} onFinish={(v) => save.mutate(v)}>
              <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                <UnitTreeSelect />
              </Form.Item>
              <Form.Item name="exemplarId" label="Điển hình được giới thiệu">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="story-exemplar"
                  options={(exemplars.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.unitName})` }))}
                />
              </Form.Item>
              <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, message: 'Nhập tiêu đề' }]}>
                <Input maxLength={300} data-testid="story-title" />
              </Form.Item>
              <Form.Item name="summary" label="Tóm tắt" rules={[{ required: true, message: 'Nhập tóm tắt' }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="story-summary" />
              </Form.Item>
              <Form.Item
                name="bodyHtml"
                label="Nội dung (chỉ giữ: đoạn, đậm, nghiêng, tiêu đề, danh sách, trích dẫn, liên kết)"
                rules={[{ required: true, message: 'Nhập nội dung' }]}
              >
                <RichTextEditor data-testid="story-body" />
              </Form.Item>
              <Form.Item name="authorName" label="Tác giả" rules={[{ required: true, message: 'Nhập tên tác giả' }]}>
                <Input maxLength={200} data-testid="story-author" />
              </Form.Item>
              {editable ? (
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="story-save">
                  {isNew ? 'Lưu nháp' : 'Lưu'}
                </Button>
              ) : null}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {story ? (
            <Photos story={story} />
          ) : (
            <Card size="small" title="Ảnh">
              <Typography.Text type="secondary">Lưu nháp trước, rồi thêm ảnh có chú thích.</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
