/** One movement: targets with progress, phases, honors offered and quotas, deadlines, child movements; launch and close. */
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { EditOutlined, FlagOutlined, PlusOutlined, StopOutlined, FormOutlined, TrophyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { closeMovement, getMovement, launchMovement, planAbilities, type MovementSummary } from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { MovementDocument, statusTag } from './views';
import { keys } from '../../api/keys';
import { DocumentDownloads } from '../dossiers/common';
import { DocumentSignatures } from '../signing/DocumentSignatures';

export default function MovementPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const user = useUser();
  const can = planAbilities(user);
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.movement(id), queryFn: () => getMovement(id!) });
  const act = useMutation({
    mutationFn: (verb: 'launch' | 'close') => (verb === 'launch' ? launchMovement(id!) : closeMovement(id!)),
    onSuccess: async (m, verb) => {
      message.success(verb === 'launch' ? 'Đã phát động phong trào: các thời hạn đã vào lịch.' : 'Đã kết thúc phong trào.');
      qc.setQueryData(keys.movement(id), m);
      await qc.invalidateQueries({ queryKey: keys.movements.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  const has = (a: string) => m.abilities.includes(a);
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={
          <Space wrap>
            {statusTag(m.status, m.statusLabel)}
            <Typography.Text type="secondary">
              {m.typeLabel} · {m.unitName}
            </Typography.Text>
          </Space>
        }
        extra={
          <>
            <DocumentDownloads url={`/api/movements/${m.id}/document`} label="Kế hoạch phong trào" testId="movement-document" />
            {m.status === 'launched' && (can.register || can.registerUnit) ? (
              <Link to={`/dang-ky-thi-dua?movementId=${m.id}`}>
                <Button icon={<FormOutlined />}>Đăng ký thi đua</Button>
              </Link>
            ) : null}
            {m.status !== 'draft' && (user.abilities as unknown as Record<string, string[] | undefined>).exemplar?.includes('propose') ? (
              <Link to={`/dien-hinh?phongTrao=${m.id}`}>
                <Button icon={<TrophyOutlined />} data-testid="movement-propose-exemplar">
                  Đề xuất điển hình
                </Button>
              </Link>
            ) : null}
            {has('update') && m.status !== 'closed' ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/phong-trao/${m.id}/sua`)} data-testid="movement-edit">
                Sửa
              </Button>
            ) : null}
            {has('launch') && m.status === 'draft' ? (
              <Popconfirm
                title="Phát động phong trào?"
                description="Các thời hạn vào lịch và được nhắc; phong trào được công khai."
                okText="Phát động"
                cancelText="Hủy"
                onConfirm={() => act.mutate('launch')}
              >
                <Button type="primary" icon={<FlagOutlined />} loading={act.isPending} data-testid="movement-launch">
                  Phát động
                </Button>
              </Popconfirm>
            ) : null}
            {has('close') && m.status === 'launched' ? (
              <Popconfirm
                title="Kết thúc phong trào?"
                description="Không nhận đăng ký nữa; các thời hạn còn mở được đóng lại."
                okText="Kết thúc"
                cancelText="Hủy"
                onConfirm={() => act.mutate('close')}
              >
                <Button danger icon={<StopOutlined />} loading={act.isPending} data-testid="movement-close">
                  Kết thúc
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <DocumentSignatures
        kind="ke_hoach_phong_trao"
        id={m.id}
        revision={m.version}
        onSigned={() => void qc.invalidateQueries({ queryKey: keys.movement(m.id) })}
      />
      <MovementDocument
        m={m}
        extra={
          <Card
            size="small"
            title={`Phong trào cấp dưới (${m.children.length})`}
            extra={
              can.createMovement && m.status === 'launched' ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`/phong-trao/moi?parentId=${m.id}`)}>
                  Phát động phong trào cấp dưới
                </Button>
              ) : null
            }
          >
            <Table<MovementSummary>
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={m.children}
              locale={{ emptyText: 'Chưa có đơn vị cấp dưới phát động' }}
              columns={[
                { title: 'Phong trào', render: (_, c) => <Link to={`/phong-trao/${c.id}`}>{c.title}</Link> },
                { title: 'Đơn vị', dataIndex: 'unitName', width: 260 },
                { title: 'Thời gian', width: 200, render: (_, c) => `${fmtDate(c.startDate)} – ${fmtDate(c.endDate)}` },
                { title: 'Tình trạng', width: 120, render: (_, c) => statusTag(c.status, c.statusLabel) },
              ]}
            />
          </Card>
        }
      />
    </>
  );
}
