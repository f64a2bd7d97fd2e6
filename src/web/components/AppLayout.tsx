/** The signed-in frame: header with the user, side menu per role, content area. */
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import { MenuOutlined, TableOutlined } from '@ant-design/icons';
import {
  ApartmentOutlined,
  AuditOutlined,
  MailOutlined,
  ReadOutlined,
  BookOutlined,
  CloudUploadOutlined,
  DownOutlined,
  ExperimentOutlined,
  FileWordOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthContext';
import { moduleAccess } from '../lib/menu';
import { recordAbilities } from '../api/records';
import { signingAbilities } from '../api/signing';
import { templateAbilities } from '../api/documents';
import { FullPageSpin } from './PageStates';
import { NotificationBell } from './NotificationBell';
import { CalendarOutlined, DashboardOutlined, FileTextOutlined, FlagOutlined, FormOutlined, GroupOutlined, ScheduleOutlined } from '@ant-design/icons';
import { reportAbilities } from '../api/reports';
import { ClockCircleOutlined, FileDoneOutlined, FolderOpenOutlined, NotificationOutlined, SolutionOutlined } from '@ant-design/icons';
import { pipelineAbilities } from '../api/dossiers';
import { initiativeAbilities } from '../api/initiatives';
import { BulbOutlined } from '@ant-design/icons';
import { StarOutlined } from '@ant-design/icons';
import { exemplarAbilities } from '../api/exemplars';
import { consultationAbilities } from '../api/consultations';
import { SafetyOutlined } from '@ant-design/icons';

const { Header, Sider, Content, Footer } = Layout;

export const HEADER_BG = '#8f1d1d';

function selectedKey(pathname: string): string {
  const first = '/' + (pathname.split('/')[1] ?? '');
  return first === '/' ? '/' : first;
}

export function AppLayout() {
  const user = useUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone the menu is a drawer opened from the header, and the header keeps only what fits.
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const { token } = theme.useToken();
  const access = moduleAccess(user);
  const records = recordAbilities(user);
  const pipeline = pipelineAbilities(user);

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: user.reach === 'self' ? 'Hồ sơ của tôi' : 'Trang chủ' },
    access.units ? { key: '/don-vi', icon: <ApartmentOutlined />, label: 'Cơ cấu tổ chức' } : null,
    access.people ? { key: '/can-bo', icon: <TeamOutlined />, label: 'Cán bộ' } : null,
    { key: '/ke-hoach', icon: <ScheduleOutlined />, label: 'Kế hoạch TĐKT' },
    { key: '/phong-trao', icon: <FlagOutlined />, label: 'Phong trào thi đua' },
    { key: '/dang-ky-thi-dua', icon: <FormOutlined />, label: 'Đăng ký thi đua' },
    { key: '/lich', icon: <CalendarOutlined />, label: 'Lịch thời hạn' },
    reportAbilities(user).read && user.reach !== 'self' ? { key: '/bao-cao', icon: <FileTextOutlined />, label: 'Báo cáo định kỳ' } : null,
    reportAbilities(user).read && user.reach !== 'self' ? { key: '/bang-dieu-hanh', icon: <DashboardOutlined />, label: 'Bảng điều hành' } : null,
    reportAbilities(user).read && user.reach !== 'self' ? { key: '/bieu-thong-ke', icon: <TableOutlined />, label: 'Biểu thống kê' } : null,
    pipeline.dossiers ? { key: '/ho-so', icon: <FolderOpenOutlined />, label: 'Hồ sơ khen thưởng' } : null,
    pipeline.sessions ? { key: '/phien-hop', icon: <SolutionOutlined />, label: 'Phiên họp Hội đồng' } : null,
    pipeline.decisions ? { key: '/quyet-dinh', icon: <FileDoneOutlined />, label: 'Quyết định khen thưởng' } : null,
    consultationAbilities(user).read && user.reach !== 'self' ? { key: '/hiep-y', icon: <SafetyOutlined />, label: 'Hiệp y khen thưởng' } : null,
    pipeline.notices ? { key: '/lay-y-kien', icon: <NotificationOutlined />, label: 'Công khai lấy ý kiến' } : null,
    (user.abilities.fund ?? []).includes('read') ? { key: '/quy-khen-thuong', icon: <TrophyOutlined />, label: 'Quỹ, hiện vật khen thưởng' } : null,
    pipeline.dossiers ? { key: '/qua-han', icon: <ClockCircleOutlined />, label: 'Theo dõi thời hạn' } : null,
    initiativeAbilities(user).read ? { key: '/sang-kien', icon: <BulbOutlined />, label: 'Sáng kiến' } : null,
    exemplarAbilities(user).read ? { key: '/dien-hinh', icon: <StarOutlined />, label: 'Điển hình tiên tiến' } : null,
    (user.abilities.petition as readonly string[]).includes('read')
      ? { key: '/don-thu', icon: <MailOutlined />, label: (user.abilities.petition as readonly string[]).includes('handle') ? 'Đơn thư' : 'Kiến nghị của tôi' }
      : null,
    user.abilities.inspection.includes('read') && user.reach !== 'self' ? { key: '/kiem-tra', icon: <AuditOutlined />, label: 'Kiểm tra công tác TĐKT' } : null,
    user.abilities.training.includes('read') ? { key: '/tap-huan', icon: <ReadOutlined />, label: 'Tập huấn nghiệp vụ' } : null,
    records.read && user.reach !== 'self' ? { key: '/xet-khen-thuong', icon: <TrophyOutlined />, label: 'Xét khen thưởng' } : null,
    records.read && user.reach === 'self' && user.personId
      ? { key: `/thi-dua/ca-nhan/${user.personId}`, icon: <TrophyOutlined />, label: 'Thi đua của tôi' }
      : null,
    records.import ? { key: '/nhap-thi-dua', icon: <CloudUploadOutlined />, label: 'Nhập thành tích (Excel)' } : null,
    { key: '/quy-tac', icon: <BookOutlined />, label: 'Bộ quy tắc' },
    { key: '/thu-quy-tac', icon: <ExperimentOutlined />, label: 'Thử quy tắc' },
    user.abilities.cluster.includes('read') ? { key: '/cum-khoi', icon: <GroupOutlined />, label: 'Cụm, khối thi đua' } : null,
    access.councils ? { key: '/hoi-dong', icon: <UsergroupAddOutlined />, label: 'Hội đồng' } : null,
    access.accounts ? { key: '/tai-khoan', icon: <SafetyCertificateOutlined />, label: 'Tài khoản' } : null,
    templateAbilities(user).read && user.reach !== 'self' ? { key: '/mau-van-ban', icon: <FileWordOutlined />, label: 'Mẫu văn bản' } : null,
    signingAbilities(user).verify ? { key: '/ky-so', icon: <SafetyCertificateOutlined />, label: 'Ký số' } : null,
    access.audit ? { key: '/nhat-ky', icon: <AuditOutlined />, label: 'Nhật ký' } : null,
  ].filter((i) => i !== null);

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/doi-mat-khau');
    if (key === 'logout') {
      void signOut().then(() => navigate('/dang-nhap', { replace: true }));
    }
  };

  const mainMenu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          background: HEADER_BG,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: phone ? 12 : 24,
          height: 60,
          gap: 8,
        }}
      >
        {phone ? (
          <Button
            type="text"
            aria-label="Mở menu"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawer(true)}
            data-testid="menu-open"
          />
        ) : null}
        <Flex align="center" gap={12} style={{ cursor: 'pointer', minWidth: 0, flex: phone ? 1 : undefined }} onClick={() => navigate('/')}>
          <div
            style={{
              width: 34,
              height: 34,
              borderRadius: 6,
              background: '#fadb14',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              flexShrink: 0,
            }}
          >
            <span style={{ color: HEADER_BG, fontSize: 20, lineHeight: 1 }}>★</span>
          </div>
          {phone ? null : (
            <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
              TĐKT – Thi đua, Khen thưởng
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={12}>
          {/* The API answers 403 to everything but the password change until it is done. */}
          {user.mustChangePassword ? null : <NotificationBell />}
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']} placement="bottomRight">
            <Flex align="center" gap={10} style={{ cursor: 'pointer', minWidth: 0 }} data-testid="user-menu">
              <Avatar style={{ background: '#fadb14', color: HEADER_BG, flexShrink: 0 }} icon={<UserOutlined />} />
              <div style={{ lineHeight: 1.25, textAlign: 'right', minWidth: 0 }}>
                <div
                  style={{
                    color: '#fff',
                    fontWeight: 600,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    maxWidth: phone ? 150 : undefined,
                  }}
                  data-testid="current-user-name"
                >
                  {user.displayName}
                </div>
                <div
                  style={{
                    color: 'rgba(255,255,255,0.8)',
                    fontSize: 12,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    maxWidth: phone ? 150 : 560,
                  }}
                >
                  {user.roleLabel} · {user.unitName}
                </div>
              </div>
              <DownOutlined style={{ color: '#fff', fontSize: 11 }} />
            </Flex>
          </Dropdown>
        </Flex>
      </Header>
      <Layout>
        {phone ? (
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="left"
            width={280}
            title="TĐKT – Thi đua, Khen thưởng"
            styles={{ body: { padding: 0 } }}
          >
            {mainMenu}
          </Drawer>
        ) : (
          <Sider width={220} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
            {mainMenu}
          </Sider>
        )}
        <Layout>
          <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: token.colorTextSecondary, padding: '12px 24px', fontSize: 12 }}>
            Hệ thống quản lý công tác thi đua, khen thưởng · Phần mềm mã nguồn mở
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
