import type { components } from './schema';
/** Periodic reports, the statistical forms and the dashboard (src/server/routes/reports, src/server/routes/statistics). */
import { call, client, download, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';

type S = components['schemas'];
export type ReportRequest = S['ReportRequest'];
export type ReportSummary = S['ReportSummary'];
export type Report = S['Report'];
export type ReportRollup = S['ReportRollup'];
export type Dashboard = S['Dashboard'];

export function reportAbilities(user: Me) {
  const a = user.abilities.report;
  return { read: a.includes('read'), request: a.includes('request') };
}

const byId = (id: string) => ({ params: { path: { id } } });
export const listReportRequests = (query: QueryOf<'/api/report-requests'> = {}) => call(client.GET('/api/report-requests', { params: { query } }));
export const createReportRequest = (body: BodyOf<'/api/report-requests'>) => call(client.POST('/api/report-requests', { body }));
export const getReportRollup = (id: string) => call(client.GET('/api/report-requests/{id}', byId(id)));
export const downloadRollupDocx = (id: string, format: 'docx' | 'pdf' = 'docx') =>
  download(client.GET('/api/report-requests/{id}/report.docx', { params: { path: { id }, query: { format } }, parseAs: 'blob' }));
export const listReports = (query: QueryOf<'/api/reports'> = {}) => call(client.GET('/api/reports', { params: { query } }));
export const getReport = (id: string) => call(client.GET('/api/reports/{id}', byId(id)));
export const saveReport = (id: string, body: BodyOf<'/api/reports/{id}', 'put'>) => call(client.PUT('/api/reports/{id}', { ...byId(id), body }));
export const submitReport = (id: string, version: number) => call(client.POST('/api/reports/{id}/submit', { ...byId(id), body: { version } }));
export const receiveReport = (id: string, version: number) => call(client.POST('/api/reports/{id}/receive', { ...byId(id), body: { version } }));
export const returnReport = (id: string, version: number, reason: string) =>
  call(client.POST('/api/reports/{id}/return', { ...byId(id), body: { version, reason } }));
export const extendReport = (id: string, until: string) => call(client.POST('/api/reports/{id}/extend', { ...byId(id), body: { until } }));
export const downloadReportDocx = (id: string, format: 'docx' | 'pdf' = 'docx') =>
  download(client.GET('/api/reports/{id}/report.docx', { params: { path: { id }, query: { format } }, parseAs: 'blob' }));
export const getDashboard = (query: QueryOf<'/api/dashboard'>) => call(client.GET('/api/dashboard', { params: { query } }));

export type StatisticalForm = S['StatisticalForm'];
export type StatisticalCell = S['StatisticalCell'];
type FormCode = '0601' | '0602' | '0603';
const byCode = (code: FormCode, year: number) => ({ params: { path: { code }, query: { year } } });
export const listStatisticalForms = () => call(client.GET('/api/statistics/forms'));
export const getStatisticalForm = (code: FormCode, year: number) => call(client.GET('/api/statistics/forms/{code}', byCode(code, year)));
export const exportStatisticalForm = (code: FormCode, year: number) =>
  download(client.GET('/api/statistics/forms/{code}/export.xlsx', { ...byCode(code, year), parseAs: 'blob' }));
export const getStatisticalCell = (code: FormCode, query: { year: number; row: string; column: string; page?: number; pageSize?: number }) =>
  call(client.GET('/api/statistics/forms/{code}/cells', { params: { path: { code }, query } }));

export type DashboardRecords = S['DashboardRecords'];
export type DashboardPart = QueryOf<'/api/dashboard/export.xlsx'>['part'];
export type DashboardFilter = Omit<QueryOf<'/api/dashboard/honors'>, 'page' | 'pageSize'>;
export const listDashboardHonors = (query: QueryOf<'/api/dashboard/honors'>) => call(client.GET('/api/dashboard/honors', { params: { query } }));
export const exportDashboardPart = (query: QueryOf<'/api/dashboard/export.xlsx'>) =>
  download(client.GET('/api/dashboard/export.xlsx', { params: { query }, parseAs: 'blob' }));
