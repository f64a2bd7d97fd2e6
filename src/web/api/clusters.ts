/** Cụm, khối thi đua (src/server/routes/clusters). */
import { call, client, type BodyOf } from './client';
import type { components } from './schema';

export type ClusterSummary = components['schemas']['ClusterSummary'];
export type Cluster = components['schemas']['Cluster'];
export type ClusterScoring = components['schemas']['ClusterScoring'];
export type ClusterPledge = components['schemas']['ClusterPledge'];
export type ClusterMeeting = components['schemas']['ClusterMeeting'];

const byId = (id: string) => ({ params: { path: { id } } });

export const listClusters = (query: { year?: number; kind?: 'cum' | 'khoi' }) =>
  call(client.GET('/api/clusters', { params: { query: { ...query, pageSize: 200 } } }));
export const getCluster = (id: string) => call(client.GET('/api/clusters/{id}', byId(id)));
export const getClusterPledge = (id: string) => call(client.GET('/api/clusters/{id}/pledge', byId(id)));
export const getClusterScoring = (id: string) => call(client.GET('/api/clusters/{id}/scoring', byId(id)));
export const listClusterMeetings = (id: string) => call(client.GET('/api/clusters/{id}/meetings', byId(id)));
export const selfScoreCluster = (id: string, memberId: string, body: BodyOf<'/api/clusters/{id}/scoring/members/{memberId}', 'post'>) =>
  call(client.POST('/api/clusters/{id}/scoring/members/{memberId}', { params: { path: { id, memberId } }, body }));
export const closeClusterScoring = (id: string) => call(client.POST('/api/clusters/{id}/scoring/close', byId(id)));
export const proposeFromClusterMeeting = (id: string, meetingId: string) =>
  call(client.POST('/api/clusters/{id}/meetings/{meetingId}/proposal', { params: { path: { id, meetingId } } }));
