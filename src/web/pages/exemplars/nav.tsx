/** The sub-pages of "Điển hình tiên tiến": one row of tabs, and the stage / status tags. */
import { Tabs, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext';
import { exemplarAbilities } from '../../api/exemplars';

const STAGE_COLORS: Record<string, string> = { discovered: 'blue', nurturing: 'gold', summed_up: 'green', spreading: 'purple' };
const STORY_COLORS: Record<string, string> = { draft: 'default', approved: 'blue', published: 'green', withdrawn: 'red' };
export const stageTag = (stage: string, label: string) => <Tag color={STAGE_COLORS[stage] ?? 'default'}>{label}</Tag>;
export const cancelledTag = <Tag color="red">Đã hủy</Tag>;
export const storyTag = (status: string, label: string) => <Tag color={STORY_COLORS[status] ?? 'default'}>{label}</Tag>;

export function ExemplarTabs() {
  const user = useUser();
  const can = exemplarAbilities(user);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { key: '/dien-hinh', label: 'Điển hình' },
    { key: '/dien-hinh/bai-viet', label: 'Bài viết' },
    { key: '/dien-hinh/hoi-nghi', label: 'Hội nghị' },
    can.propose ? { key: '/dien-hinh/goi-y', label: 'Gợi ý từ dữ liệu khen thưởng' } : null,
    can.publication ? { key: '/dien-hinh/cong-khai', label: 'Công khai trên cổng' } : null,
  ].filter((t) => t !== null);
  const active = [...tabs].reverse().find((t) => pathname === t.key || pathname.startsWith(`${t.key}/`))?.key ?? '/dien-hinh';
  return <Tabs activeKey={active} items={tabs} onChange={(k) => void navigate(k)} style={{ marginBottom: 8 }} data-testid="exemplar-tabs" />;
}
