/** "Việc cần làm": what waits for the signed-in account, computed by the server per role; each line opens the place where the work is done. */
import { Badge, Card, Collapse, Empty, List, Typography } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { getTodo } from '../../api/plans';
import { keys } from '../../api/keys';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';

export function TodoPanel() {
  const q = useQuery({ queryKey: keys.todo, queryFn: getTodo, refetchInterval: 60_000 });
  return (
    <Card
      size="small"
      data-testid="todo-panel"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <CheckSquareOutlined /> Việc cần làm {q.data?.total ? <Badge count={q.data.total} style={{ marginInlineStart: 4 }} /> : null}
        </span>
      }
    >
      {q.isPending ? (
        <LoadingBlock />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.sections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có việc nào đang chờ bạn." />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={q.data.sections.map((s) => s.key)}
          items={q.data.sections.map((s) => ({
            key: s.key,
            label: (
              <span data-testid={`todo-${s.key}`}>
                {s.title} <Badge count={s.total} color="blue" />
              </span>
            ),
            children: (
              <>
                <List
                  size="small"
                  dataSource={s.items}
                  renderItem={(i) => (
                    <List.Item style={{ paddingInline: 0 }}>
                      <List.Item.Meta title={<Link to={i.link}>{i.title}</Link>} description={<span style={{ overflowWrap: 'anywhere' }}>{i.detail}</span>} />
                    </List.Item>
                  )}
                />
                {s.total > s.items.length ? (
                  <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                    <Link to={s.link}>Xem tất cả {s.total} việc</Link>
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
