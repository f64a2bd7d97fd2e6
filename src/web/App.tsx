/** App shell: providers (antd vi_VN, react-query, session) and the routes. */
import { FundPage } from './pages/fund/FundPage';
import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result, Button } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { AppLayout } from './components/AppLayout';
import { ErrorAlert, FullPageSpin } from './components/PageStates';
import { ApiError } from './api/client';
import { moduleAccess, type ModuleAccess } from './lib/menu';

dayjs.locale('vi');

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const UnitsPage = lazy(() => import('./pages/units/UnitsPage'));
const PeoplePage = lazy(() => import('./pages/people/PeoplePage'));
const PersonDetailPage = lazy(() => import('./pages/people/PersonDetailPage'));
const ImportPage = lazy(() => import('./pages/people/ImportPage'));
const CouncilsPage = lazy(() => import('./pages/councils/CouncilsPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage'));
const RecordsPage = lazy(() => import('./pages/records/RecordsPage'));
const CandidatesPage = lazy(() => import('./pages/records/CandidatesPage'));
const WhatIfPage = lazy(() => import('./pages/records/WhatIfPage'));
const RulePacksPage = lazy(() => import('./pages/records/RulePacksPage'));
const RecordsImportPage = lazy(() => import('./pages/records/RecordsImportPage'));
const ClustersPage = lazy(() => import('./pages/clusters/ClustersPage').then((m) => ({ default: m.ClustersPage })));
const ClusterPage = lazy(() => import('./pages/clusters/ClustersPage').then((m) => ({ default: m.ClusterPage })));
const TemplatesPage = lazy(() => import('./pages/documents/TemplatesPage'));
const SigningPage = lazy(() => import('./pages/signing/SigningPage'));
const VerifyCertificatePage = lazy(() => import('./pages/documents/VerifyCertificatePage'));

const PlansPage = lazy(() => import('./pages/plans/PlansPage'));
const InitiativesPage = lazy(() => import('./pages/initiatives/InitiativesPage'));
const InitiativePage = lazy(() => import('./pages/initiatives/InitiativePage'));
const InitiativeRoundsPage = lazy(() => import('./pages/initiatives/RoundsPage'));
const InitiativeRubricsPage = lazy(() => import('./pages/initiatives/RubricsPage'));
const InitiativeRoundSheetPage = lazy(() => import('./pages/initiatives/RoundsPage').then((m) => ({ default: m.RoundSheetPage })));
const PlanPage = lazy(() => import('./pages/plans/PlanPage'));
const MovementsPage = lazy(() => import('./pages/plans/MovementsPage'));
const MovementPage = lazy(() => import('./pages/plans/MovementPage'));
const MovementEditorPage = lazy(() => import('./pages/plans/MovementEditorPage'));
const RegistrationsPage = lazy(() => import('./pages/plans/RegistrationsPage'));
const CalendarPage = lazy(() => import('./pages/plans/CalendarPage'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const ReportPage = lazy(() => import('./pages/reports/ReportPage'));
const RollupPage = lazy(() => import('./pages/reports/RollupPage'));
const StatisticsPage = lazy(() => import('./pages/reports/StatisticsPage'));
const DashboardPage = lazy(() => import('./pages/reports/DashboardPage'));
const PublicPortalPage = lazy(() => import('./pages/plans/PublicPages').then((m) => ({ default: m.PublicPortalPage })));
const PublicPlanPage = lazy(() => import('./pages/plans/PublicPages').then((m) => ({ default: m.PublicPlanPage })));
const PublicMovementPage = lazy(() => import('./pages/plans/PublicPages').then((m) => ({ default: m.PublicMovementPage })));

const DossiersPage = lazy(() => import('./pages/dossiers/DossiersPage'));
const DossierPage = lazy(() => import('./pages/dossiers/DossierPage'));
const SessionsPage = lazy(() => import('./pages/dossiers/SessionsPage'));
const SessionPage = lazy(() => import('./pages/dossiers/SessionPage'));
const DecisionsPage = lazy(() => import('./pages/dossiers/DecisionsPage'));
const OverduePage = lazy(() => import('./pages/dossiers/OverduePage'));
const NoticesPage = lazy(() => import('./pages/dossiers/NoticesPage'));
const ConsultationsPage = lazy(() => import('./pages/consultations/ConsultationsPage'));
const ConsultationPage = lazy(() => import('./pages/consultations/ConsultationPage'));
const InspectionsPage = lazy(() => import('./pages/inspections/InspectionsPage'));
const InspectionPage = lazy(() => import('./pages/inspections/InspectionPage'));
const InspectionPlanPage = lazy(() => import('./pages/inspections/InspectionPage').then((m) => ({ default: m.InspectionPlanPage })));
const TrainingsPage = lazy(() => import('./pages/trainings/TrainingsPage'));
const TrainingPage = lazy(() => import('./pages/trainings/TrainingsPage').then((m) => ({ default: m.TrainingPage })));
const PublicNoticesPage = lazy(() => import('./pages/dossiers/PublicNoticesPage'));
const PublicNoticePage = lazy(() => import('./pages/dossiers/PublicNoticePage'));
const PetitionsPage = lazy(() => import('./pages/petitions/PetitionsPage'));
const PetitionPage = lazy(() => import('./pages/petitions/PetitionPage'));
const PublicPetitionPage = lazy(() => import('./pages/petitions/PublicPetitionPage'));
const ExemplarsPage = lazy(() => import('./pages/exemplars/ExemplarsPage'));
const ExemplarPage = lazy(() => import('./pages/exemplars/ExemplarPage'));
const StoriesPage = lazy(() => import('./pages/exemplars/StoriesPage'));
const StoryPage = lazy(() => import('./pages/exemplars/StoriesPage').then((m) => ({ default: m.StoryPage })));
const ConferencesPage = lazy(() => import('./pages/exemplars/ConferencesPage'));
const SuggestionsPage = lazy(() => import('./pages/exemplars/SuggestionsPage'));
const PublicationPage = lazy(() => import('./pages/exemplars/PublicationPage'));
const portal = () => import('./pages/portal/PortalPages');
const PortalHomePage = lazy(() => portal().then((m) => ({ default: m.PortalHomePage })));
const PortalExemplarsPage = lazy(() => portal().then((m) => ({ default: m.PortalExemplarsPage })));
const PortalExemplarPage = lazy(() => portal().then((m) => ({ default: m.PortalExemplarPage })));
const PortalStoriesPage = lazy(() => portal().then((m) => ({ default: m.PortalStoriesPage })));
const PortalStoryPage = lazy(() => portal().then((m) => ({ default: m.PortalStoryPage })));
const PortalDecisionsPage = lazy(() => portal().then((m) => ({ default: m.PortalDecisionsPage })));
const PortalDecisionPage = lazy(() => portal().then((m) => ({ default: m.PortalDecisionPage })));
const PortalSearchPage = lazy(() => portal().then((m) => ({ default: m.PortalSearchPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change on retry; network hiccups may.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, error, retry } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin tip="Đang kiểm tra phiên làm việc…" />;
  if (error) {
    return (
      <div style={{ maxWidth: 560, margin: '15vh auto' }}>
        <ErrorAlert error={error} onRetry={retry} title="Không kết nối được hệ thống" />
      </div>
    );
  }
  if (!user) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== '/doi-mat-khau') return <Navigate to="/doi-mat-khau" replace />;
  return <>{children}</>;
}

function NoAccess() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Vai trò của bạn không được sử dụng mục này. Nếu cần, hãy liên hệ quản trị hệ thống."
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chủ
        </Button>
      }
    />
  );
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không tồn tại hoặc đã được chuyển."
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chủ
        </Button>
      }
    />
  );
}

function Guard({ need, children }: { need: keyof ModuleAccess; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !moduleAccess(user)[need]) return <NoAccess />;
  return <>{children}</>;
}

function LoginRoute() {
  const { user, loading } = useAuth();
  if (loading) return <FullPageSpin />;
  if (user) return <Navigate to="/" replace />;
  return <LoginPage />;
}

export function App() {
  return (
    <ConfigProvider
      locale={viVN}
      theme={{
        token: {
          colorPrimary: '#1d4f91',
          colorLink: '#1d4f91',
          borderRadius: 4,
          fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
        },
        components: { Layout: { headerBg: '#8f1d1d', bodyBg: '#f3f4f6' } },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Suspense fallback={<FullPageSpin />}>
                <Routes>
                  <Route path="/dang-nhap" element={<LoginRoute />} />
                  <Route path="/cong-khai" element={<PortalHomePage />} />
                  <Route path="/cong-khai/dien-hinh" element={<PortalExemplarsPage />} />
                  <Route path="/cong-khai/dien-hinh/:id" element={<PortalExemplarPage />} />
                  <Route path="/cong-khai/bai-viet" element={<PortalStoriesPage />} />
                  <Route path="/cong-khai/bai-viet/:id" element={<PortalStoryPage />} />
                  <Route path="/cong-khai/quyet-dinh" element={<PortalDecisionsPage />} />
                  <Route path="/cong-khai/quyet-dinh/:id" element={<PortalDecisionPage />} />
                  <Route path="/cong-khai/tim-kiem" element={<PortalSearchPage />} />
                  <Route path="/cong-khai/ke-hoach-phong-trao" element={<PublicPortalPage />} />
                  <Route path="/cong-khai/lay-y-kien" element={<PublicNoticesPage />} />
                  <Route path="/cong-khai/lay-y-kien/:id" element={<PublicNoticePage />} />
                  <Route path="/cong-khai/don-thu" element={<PublicPetitionPage />} />
                  <Route path="/cong-khai/ke-hoach/:id" element={<PublicPlanPage />} />
                  <Route path="/cong-khai/phong-trao/:id" element={<PublicMovementPage />} />
                  <Route path="/xac-minh/:code" element={<VerifyCertificatePage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<HomePage />} />
                    <Route path="/quy-khen-thuong" element={<FundPage />} />
                    <Route
                      path="/don-vi"
                      element={
                        <Guard need="units">
                          <UnitsPage />
                        </Guard>
                      }
                    />
                    <Route
                      path="/can-bo"
                      element={
                        <Guard need="people">
                          <PeoplePage />
                        </Guard>
                      }
                    />
                    <Route
                      path="/can-bo/nhap-excel"
                      element={
                        <Guard need="import">
                          <ImportPage />
                        </Guard>
                      }
                    />
                    <Route path="/can-bo/:id" element={<PersonDetailPage />} />
                    <Route path="/bao-cao" element={<ReportsPage />} />
                    <Route path="/bao-cao/:id" element={<ReportPage />} />
                    <Route path="/bao-cao/yeu-cau/:id" element={<RollupPage />} />
                    <Route path="/bieu-thong-ke" element={<StatisticsPage />} />
                    <Route path="/bang-dieu-hanh" element={<DashboardPage />} />
                    <Route
                      path="/hoi-dong"
                      element={
                        <Guard need="councils">
                          <CouncilsPage />
                        </Guard>
                      }
                    />
                    <Route
                      path="/tai-khoan"
                      element={
                        <Guard need="accounts">
                          <AccountsPage />
                        </Guard>
                      }
                    />
                    <Route
                      path="/nhat-ky"
                      element={
                        <Guard need="audit">
                          <AuditPage />
                        </Guard>
                      }
                    />
                    <Route path="/mau-van-ban" element={<TemplatesPage />} />
                    <Route path="/ky-so" element={<SigningPage />} />
                    <Route path="/doi-mat-khau" element={<ChangePasswordPage />} />
                    <Route path="/xet-khen-thuong" element={<CandidatesPage />} />
                    <Route path="/thi-dua/ca-nhan/:id" element={<RecordsPage kind="person" key="person" />} />
                    <Route path="/thi-dua/don-vi/:id" element={<RecordsPage kind="unit" key="unit" />} />
                    <Route path="/nhap-thi-dua" element={<RecordsImportPage />} />
                    <Route path="/quy-tac" element={<RulePacksPage />} />
                    <Route path="/thu-quy-tac" element={<WhatIfPage />} />
                    <Route path="/sang-kien" element={<InitiativesPage />} />
                    <Route path="/sang-kien/dot-xet" element={<InitiativeRoundsPage />} />
                    <Route path="/sang-kien/thang-diem" element={<InitiativeRubricsPage />} />
                    <Route path="/sang-kien/dot-xet/:id" element={<InitiativeRoundSheetPage />} />
                    <Route path="/sang-kien/:id" element={<InitiativePage />} />
                    <Route path="/ke-hoach" element={<PlansPage />} />
                    <Route path="/ke-hoach/:id" element={<PlanPage />} />
                    <Route path="/phong-trao" element={<MovementsPage />} />
                    <Route path="/phong-trao/moi" element={<MovementEditorPage />} />
                    <Route path="/phong-trao/:id" element={<MovementPage />} />
                    <Route path="/phong-trao/:id/sua" element={<MovementEditorPage />} />
                    <Route path="/dang-ky-thi-dua" element={<RegistrationsPage />} />
                    <Route path="/lich" element={<CalendarPage />} />
                    <Route path="/cum-khoi" element={<ClustersPage />} />
                    <Route path="/cum-khoi/:id" element={<ClusterPage />} />
                    <Route path="/ho-so" element={<DossiersPage />} />
                    <Route path="/ho-so/:id" element={<DossierPage />} />
                    <Route path="/phien-hop" element={<SessionsPage />} />
                    <Route path="/phien-hop/:id" element={<SessionPage />} />
                    <Route path="/quyet-dinh" element={<DecisionsPage />} />
                    <Route path="/qua-han" element={<OverduePage />} />
                    <Route path="/lay-y-kien" element={<NoticesPage />} />
                    <Route path="/hiep-y" element={<ConsultationsPage />} />
                    <Route path="/hiep-y/:id" element={<ConsultationPage />} />
                    <Route path="/don-thu" element={<PetitionsPage />} />
                    <Route path="/don-thu/:id" element={<PetitionPage />} />
                    <Route path="/kiem-tra" element={<InspectionsPage />} />
                    <Route path="/kiem-tra/ke-hoach/:id" element={<InspectionPlanPage />} />
                    <Route path="/kiem-tra/:id" element={<InspectionPage />} />
                    <Route path="/tap-huan" element={<TrainingsPage />} />
                    <Route path="/tap-huan/:id" element={<TrainingPage />} />
                    <Route path="/dien-hinh" element={<ExemplarsPage />} />
                    <Route path="/dien-hinh/bai-viet" element={<StoriesPage />} />
                    <Route path="/dien-hinh/bai-viet/moi" element={<StoryPage key="new" />} />
                    <Route path="/dien-hinh/bai-viet/:id" element={<StoryPage />} />
                    <Route path="/dien-hinh/hoi-nghi" element={<ConferencesPage />} />
                    <Route path="/dien-hinh/goi-y" element={<SuggestionsPage />} />
                    <Route path="/dien-hinh/cong-khai" element={<PublicationPage />} />
                    <Route path="/dien-hinh/:id" element={<ExemplarPage />} />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
