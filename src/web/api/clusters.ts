/** Cụm, khối thi đua (src/server/routes/clusters). */
import { call, client, download, multipart, type BodyOf } from './client';
import type { components } from './schema';

export type ClusterSummary = components['schemas']['ClusterSummary'];
export type Cluster = components['schemas']['Cluster'];
export type ClusterMember = components['schemas']['ClusterMember'];
export type ClusterScoring = components['schemas']['ClusterScoring'];
export type ClusterPledge = components['schemas']['ClusterPledge'];
export type ClusterMeeting = components['schemas']['ClusterMeeting'];
export type ClusterInput = BodyOf<'/api/clusters', 'post'>;
export type ClusterUpdate = BodyOf<'/api/clusters/{id}', 'put'>;
export type ClusterTable = BodyOf<'/api/clusters/{id}/scoring', 'put'>;
export type ClusterMeetingInput = BodyOf<'/api/clusters/{id}/meetings', 'post'>;
export type ClusterBallot = BodyOf<'/api/clusters/{id}/meetings/{meetingId}/ballots', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });
const byMember = (id: string, memberId: string) => ({ params: { path: { id, memberId } } });
const byMeeting = (id: string, meetingId: string) => ({ params: { path: { id, meetingId } } });

export const listClusters = (query: { year?: number; kind?: 'cum' | 'khoi' }) =>
  call(client.GET('/api/clusters', { params: { query: { ...query, pageSize: 200 } } }));
export const getCluster = (id: string) => call(client.GET('/api/clusters/{id}', byId(id)));
export const createCluster = (body: ClusterInput) => call(client.POST('/api/clusters', { body }));
export const updateCluster = (id: string, body: ClusterUpdate) => call(client.PUT('/api/clusters/{id}', { ...byId(id), body }));
export const addClusterMember = (id: string, body: BodyOf<'/api/clusters/{id}/members', 'post'>) =>
  call(client.POST('/api/clusters/{id}/members', { ...byId(id), body }));
export const removeClusterMember = (id: string, memberId: string) => call(client.DELETE('/api/clusters/{id}/members/{memberId}', byMember(id, memberId)));
export const electClusterLeaders = (id: string, body: BodyOf<'/api/clusters/{id}/leaders', 'post'>) =>
  call(client.POST('/api/clusters/{id}/leaders', { ...byId(id), body }));

export const getClusterPledge = (id: string) => call(client.GET('/api/clusters/{id}/pledge', byId(id)));
export const saveClusterPledge = (id: string, body: BodyOf<'/api/clusters/{id}/pledge', 'put'>) =>
  call(client.PUT('/api/clusters/{id}/pledge', { ...byId(id), body }));
export const uploadClusterPledgeScan = (id: string, form: FormData) => call(client.POST('/api/clusters/{id}/pledge/scan', { ...byId(id), ...multipart(form) }));
export const publishClusterPledge = (id: string) => call(client.POST('/api/clusters/{id}/pledge/publish', byId(id)));

export const getClusterScoring = (id: string) => call(client.GET('/api/clusters/{id}/scoring', byId(id)));
export const saveClusterScoringTable = (id: string, body: ClusterTable) => call(client.PUT('/api/clusters/{id}/scoring', { ...byId(id), body }));
export const copyClusterScoringTable = (id: string) => call(client.POST('/api/clusters/{id}/scoring/copy', byId(id)));
export const selfScoreCluster = (id: string, memberId: string, body: BodyOf<'/api/clusters/{id}/scoring/members/{memberId}', 'post'>) =>
  call(client.POST('/api/clusters/{id}/scoring/members/{memberId}', { ...byMember(id, memberId), body }));
export const adjustClusterScore = (id: string, memberId: string, body: BodyOf<'/api/clusters/{id}/scoring/members/{memberId}/adjust', 'post'>) =>
  call(client.POST('/api/clusters/{id}/scoring/members/{memberId}/adjust', { ...byMember(id, memberId), body }));
export const closeClusterScoring = (id: string) => call(client.POST('/api/clusters/{id}/scoring/close', byId(id)));
export const submitClusterReport = (id: string, memberId: string, body: BodyOf<'/api/clusters/{id}/reports/{memberId}', 'post'>) =>
  call(client.POST('/api/clusters/{id}/reports/{memberId}', { ...byMember(id, memberId), body }));

export const listClusterMeetings = (id: string) => call(client.GET('/api/clusters/{id}/meetings', byId(id)));
export const createClusterMeeting = (id: string, body: ClusterMeetingInput) => call(client.POST('/api/clusters/{id}/meetings', { ...byId(id), body }));
export const castClusterBallot = (id: string, meetingId: string, body: ClusterBallot) =>
  call(client.POST('/api/clusters/{id}/meetings/{meetingId}/ballots', { ...byMeeting(id, meetingId), body }));
export const enterClusterPaperBallots = (id: string, meetingId: string, body: BodyOf<'/api/clusters/{id}/meetings/{meetingId}/paper', 'post'>) =>
  call(client.POST('/api/clusters/{id}/meetings/{meetingId}/paper', { ...byMeeting(id, meetingId), body }));
export const closeClusterMeeting = (id: string, meetingId: string, minutes: string | null) =>
  call(client.POST('/api/clusters/{id}/meetings/{meetingId}/close', { ...byMeeting(id, meetingId), body: { minutes } }));
export const proposeFromClusterMeeting = (id: string, meetingId: string) =>
  call(client.POST('/api/clusters/{id}/meetings/{meetingId}/proposal', byMeeting(id, meetingId)));

type DocFormat = 'docx' | 'pdf';
const blob = { parseAs: 'blob' as const };
export const downloadClusterPledge = (id: string, format: DocFormat) =>
  download(client.GET('/api/clusters/{id}/pledge/document', { params: { path: { id }, query: { format } }, ...blob }), `giao-uoc.${format}`);
export const downloadClusterScoringXlsx = (id: string) =>
  download(client.GET('/api/clusters/{id}/scoring/export.xlsx', { ...byId(id), ...blob }), 'bang-tong-hop-diem.xlsx');
export const downloadClusterScoring = (id: string, format: DocFormat) =>
  download(client.GET('/api/clusters/{id}/scoring/document', { params: { path: { id }, query: { format } }, ...blob }), `bang-tong-hop-diem.${format}`);
export const downloadClusterMinutes = (id: string, meetingId: string, format: DocFormat) =>
  download(
    client.GET('/api/clusters/{id}/meetings/{meetingId}/minutes', { params: { path: { id, meetingId }, query: { format } }, ...blob }),
    `bien-ban.${format}`,
  );
export const downloadClusterProposal = (id: string, meetingId: string, format: DocFormat) =>
  download(
    client.GET('/api/clusters/{id}/meetings/{meetingId}/proposal/document', { params: { path: { id, meetingId }, query: { format } }, ...blob }),
    `to-trinh.${format}`,
  );

export type ClusterPlan = components['schemas']['ClusterPlan'];
export type ClusterTask = components['schemas']['ClusterTask'];
export type ClusterTaskInput = BodyOf<'/api/clusters/{id}/tasks', 'post'>;
export type ClusterYearRanking = components['schemas']['ClusterYearRanking'];
const byTask = (id: string, taskId: string) => ({ params: { path: { id, taskId } } });

export const getClusterPlan = (id: string) => call(client.GET('/api/clusters/{id}/plan', byId(id)));
export const createClusterTask = (id: string, body: ClusterTaskInput) => call(client.POST('/api/clusters/{id}/tasks', { ...byId(id), body }));
export const updateClusterTask = (id: string, taskId: string, body: BodyOf<'/api/clusters/{id}/tasks/{taskId}', 'put'>) =>
  call(client.PUT('/api/clusters/{id}/tasks/{taskId}', { ...byTask(id, taskId), body }));
export const closeClusterTask = (id: string, taskId: string, body: BodyOf<'/api/clusters/{id}/tasks/{taskId}/close', 'post'>) =>
  call(client.POST('/api/clusters/{id}/tasks/{taskId}/close', { ...byTask(id, taskId), body }));
export const sendClusterHeadReport = (id: string, body: BodyOf<'/api/clusters/{id}/head-reports', 'post'>) =>
  call(client.POST('/api/clusters/{id}/head-reports', { ...byId(id), body }));
export const setClusterHeadReportDues = (id: string, body: BodyOf<'/api/clusters/{id}/head-report-dues', 'put'>) =>
  call(client.PUT('/api/clusters/{id}/head-report-dues', { ...byId(id), body }));
export const downloadClusterHeadReport = (id: string, period: 'h1' | 'year', format: DocFormat) =>
  download(
    client.GET('/api/clusters/{id}/head-report/document', { params: { path: { id }, query: { period, format } }, ...blob }),
    `bao-cao-truong-cum.${format}`,
  );
export const setClusterCheckers = (id: string, body: BodyOf<'/api/clusters/{id}/checkers', 'put'>) =>
  call(client.PUT('/api/clusters/{id}/checkers', { ...byId(id), body }));
export const getClustersRanking = (year: number) => call(client.GET('/api/clusters/ranking', { params: { query: { year } } }));
