/** Exemplars (điển hình tiên tiến), stories, conferences, suggestions and the portal's switches (src/server/routes/exemplars). */
import type { components } from './schema';
import { call, client, download, multipart, type BodyOf, type QueryOf } from './client';
import type { Me } from './auth';

type S = components['schemas'];
export type ExemplarSummary = S['ExemplarSummary'];
export type Exemplar = S['Exemplar'];
export type ExemplarSuggestion = S['ExemplarSuggestion'];
export type ExemplarProposal = BodyOf<'/api/exemplars'>;
export type ExemplarStepEntry = BodyOf<'/api/exemplars/{id}/nurture'>;
export type ExemplarEdit = BodyOf<'/api/exemplars/{id}', 'put'>;
export type StorySummary = S['StorySummary'];
export type Story = S['Story'];
export type StoryDraft = BodyOf<'/api/stories'>;
export type Conference = S['ExemplarConference'];
export type ConferenceInput = BodyOf<'/api/exemplar-conferences'>;
export type ConferenceEdit = BodyOf<'/api/exemplar-conferences/{id}', 'put'>;
export type PublicationSettings = S['PublicationSettings'];
export type PublicExemplar = S['PublicExemplar'];
export type PublicExemplarDetail = S['PublicExemplarDetail'];
export type PublicStory = S['PublicStory'];
export type PublicStoryDetail = S['PublicStoryDetail'];
export type PublicDecision = S['PublicDecision'];
export type PublicDecisionDetail = S['PublicDecisionDetail'];

/** The user's grants on exemplars, stories and the portal (sent with the session). */
export function exemplarAbilities(user: Me) {
  const a = user.abilities as unknown as Record<string, string[] | undefined>;
  const ex = a.exemplar ?? [];
  const st = a.story ?? [];
  const pub = a.publication ?? [];
  return {
    read: ex.includes('read'),
    propose: ex.includes('propose'),
    conference: ex.includes('conference'),
    writeStory: st.includes('write'),
    readStory: st.includes('read'),
    publication: pub.includes('read'),
    managePublication: pub.includes('manage'),
  };
}

const byId = (id: string) => ({ params: { path: { id } } });

export const listExemplars = (query: QueryOf<'/api/exemplars'> = {}) => call(client.GET('/api/exemplars', { params: { query } }));
export const getExemplar = (id: string) => call(client.GET('/api/exemplars/{id}', byId(id)));
export const proposeExemplar = (body: ExemplarProposal) => call(client.POST('/api/exemplars', { body }));
export const updateExemplar = (id: string, body: ExemplarEdit) => call(client.PUT('/api/exemplars/{id}', { ...byId(id), body }));
export const cancelExemplar = (id: string, reason: string, version?: number) =>
  call(client.POST('/api/exemplars/{id}/cancel', { ...byId(id), body: { reason, version } }));
export const restoreExemplar = (id: string, reason: string, version?: number) =>
  call(client.POST('/api/exemplars/{id}/restore', { ...byId(id), body: { reason, version } }));
export const nurtureExemplar = (id: string, body: ExemplarStepEntry) => call(client.POST('/api/exemplars/{id}/nurture', { ...byId(id), body }));
export const spreadExemplar = (id: string, body: ExemplarStepEntry) => call(client.POST('/api/exemplars/{id}/spread', { ...byId(id), body }));
export const sumUpExemplar = (id: string, body: BodyOf<'/api/exemplars/{id}/sum-up'>) => call(client.POST('/api/exemplars/{id}/sum-up', { ...byId(id), body }));
export const publishExemplar = (id: string) => call(client.POST('/api/exemplars/{id}/publish', byId(id)));
export const unpublishExemplar = (id: string) => call(client.POST('/api/exemplars/{id}/unpublish', byId(id)));
export const suggestExemplars = (query: QueryOf<'/api/exemplars/suggestions'> = {}) => call(client.GET('/api/exemplars/suggestions', { params: { query } }));

export const listStories = (query: QueryOf<'/api/stories'> = {}) => call(client.GET('/api/stories', { params: { query } }));
export const getStory = (id: string) => call(client.GET('/api/stories/{id}', byId(id)));
export const createStory = (body: StoryDraft) => call(client.POST('/api/stories', { body }));
export const updateStory = (id: string, body: StoryDraft) => call(client.PUT('/api/stories/{id}', { ...byId(id), body }));
export const addStoryImage = (id: string, file: File, caption: string) => {
  const form = new FormData();
  form.append('caption', caption); // before the file: the server reads the fields that precede it
  form.append('file', file);
  return call(client.POST('/api/stories/{id}/images', { ...byId(id), ...multipart(form) }));
};
export const removeStoryImage = (id: string, imageId: string) =>
  call(client.DELETE('/api/stories/{id}/images/{imageId}', { params: { path: { id, imageId } } }));
export const captionStoryImage = (id: string, imageId: string, caption: string) =>
  call(client.PUT('/api/stories/{id}/images/{imageId}', { params: { path: { id, imageId } }, body: { caption } }));
export const storyImageUrl = (storyId: string, imageId: string) => `/api/stories/${storyId}/images/${imageId}`;
export type StoryMove = 'approve' | 'publish' | 'withdraw' | 'redraft';
export const moveStory = (id: string, move: StoryMove) => {
  if (move === 'approve') return call(client.POST('/api/stories/{id}/approve', byId(id)));
  if (move === 'publish') return call(client.POST('/api/stories/{id}/publish', byId(id)));
  if (move === 'withdraw') return call(client.POST('/api/stories/{id}/withdraw', byId(id)));
  return call(client.POST('/api/stories/{id}/redraft', byId(id)));
};

export const listConferences = (query: QueryOf<'/api/exemplar-conferences'> = {}) => call(client.GET('/api/exemplar-conferences', { params: { query } }));
export const recordConference = (body: ConferenceInput) => call(client.POST('/api/exemplar-conferences', { body }));
export const updateConference = (id: string, body: ConferenceEdit) => call(client.PUT('/api/exemplar-conferences/{id}', { ...byId(id), body }));
export const cancelConference = (id: string, reason: string, version?: number) =>
  call(client.POST('/api/exemplar-conferences/{id}/cancel', { ...byId(id), body: { reason, version } }));
export const downloadConferenceReport = (id: string) =>
  download(client.GET('/api/exemplar-conferences/{id}/report.docx', { ...byId(id), parseAs: 'blob' }), 'bao-cao-hoi-nghi.docx');

export const getPublication = () => call(client.GET('/api/publication'));
export const setPublication = (body: BodyOf<'/api/publication', 'put'>) => call(client.PUT('/api/publication', { body }));
export const takeDecisionOff = (id: string, reason: string) => call(client.POST('/api/publication/decisions/{id}/take-off', { ...byId(id), body: { reason } }));
export const restoreDecision = (id: string, reason: string) => call(client.POST('/api/publication/decisions/{id}/restore', { ...byId(id), body: { reason } }));

// ---- The public portal (no session) ----
export const listPublicExemplars = (query: QueryOf<'/api/public/exemplars'> = {}) => call(client.GET('/api/public/exemplars', { params: { query } }));
export const getPublicExemplar = (id: string) => call(client.GET('/api/public/exemplars/{id}', byId(id)));
export const listPublicStories = (query: QueryOf<'/api/public/stories'> = {}) => call(client.GET('/api/public/stories', { params: { query } }));
export const getPublicStory = (id: string) => call(client.GET('/api/public/stories/{id}', byId(id)));
export const listPublicDecisions = (query: QueryOf<'/api/public/decisions'> = {}) => call(client.GET('/api/public/decisions', { params: { query } }));
export const getPublicDecision = (id: string) => call(client.GET('/api/public/decisions/{id}', byId(id)));
