/**
 * THE public presenter: every field the portal shows about exemplars, stories and decisions is
 * chosen here, as an allow-list (Nghị định 13/2023 on personal data). The public sees a name,
 * the position and unit as printed, the honor and the decision — never a CCCD, birth date,
 * phone, address, e-mail, rating, discipline or internal note. Routes under /api/public answer
 * only through these schemas (the serializer drops anything not declared), and
 * `test/api/public-privacy.test.ts` walks every public route for forbidden fields.
 */
import { z } from 'zod';
import type { PublicDecisionRow, PublicExemplarRow, PublicStoryDetailRow, PublicStoryRow } from '../repositories/public.js';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_STAGE_LABELS, HONOR_INFO, type ExemplarKind, type ExemplarStage, type Honor } from '../../shared/codes.js';

export const publicExemplarSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('Địa chỉ ổn định của trang trên cổng'),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    positionText: z.string().nullable().describe('Chức vụ, đơn vị như in trên văn bản'),
    unitName: z.string(),
    achievement: z.string(),
    stageLabel: z.string(),
    movementId: z.uuid().nullable(),
    movementTitle: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublicExemplar' });

export const publicExemplarDetailSchema = publicExemplarSchema
  .extend({
    assessment: z.string().nullable(),
    spread: z.array(z.object({ date: z.string(), where: z.string(), content: z.string() })),
  })
  .meta({ id: 'PublicExemplarDetail' });

export function publicExemplar(r: PublicExemplarRow): z.infer<typeof publicExemplarSchema> {
  const e = r.exemplar;
  return {
    id: e.id,
    url: `/cong-khai/dien-hinh/${e.id}`,
    kind: e.kind,
    kindLabel: EXEMPLAR_KIND_LABELS[e.kind as ExemplarKind] ?? e.kind,
    name: e.name,
    positionText: e.positionText,
    unitName: r.unitName,
    achievement: e.achievement,
    stageLabel: EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage] ?? e.stage,
    movementId: r.movementId,
    movementTitle: r.movementTitle,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    publishedAt: (e.publishedAt ?? new Date(0)).toISOString(),
  };
}

export function publicExemplarDetail(
  r: PublicExemplarRow,
  spread: { stepDate: string; owner: string; content: string; unitName: string | null }[],
): z.infer<typeof publicExemplarDetailSchema> {
  return {
    ...publicExemplar(r),
    assessment: r.exemplar.assessment,
    spread: spread.map((s) => ({ date: s.stepDate, where: s.unitName ?? s.owner, content: s.content })),
  };
}

export const publicStorySchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    title: z.string(),
    summary: z.string(),
    authorName: z.string(),
    unitName: z.string(),
    exemplarId: z.uuid().nullable().describe('Điển hình được giới thiệu, khi điển hình đó đã được công khai'),
    exemplarName: z.string().nullable(),
    coverImageUrl: z.string().nullable(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublicStory' });

export const publicStoryDetailSchema = publicStorySchema
  .extend({
    bodyHtml: z.string().describe('Nội dung đã được lọc ở máy chủ (chỉ các thẻ được phép)'),
    images: z.array(z.object({ url: z.string(), width: z.number().int(), height: z.number().int(), caption: z.string() })),
  })
  .meta({ id: 'PublicStoryDetail' });

export const publicImageUrl = (storyId: string, imageId: string) => `/api/public/stories/${storyId}/images/${imageId}`;

export function publicStory(r: PublicStoryRow, coverImageId: string | null): z.infer<typeof publicStorySchema> {
  const s = r.story;
  return {
    id: s.id,
    url: `/cong-khai/bai-viet/${s.id}`,
    title: s.title,
    summary: s.summary,
    authorName: s.authorName,
    unitName: r.unitName,
    exemplarId: r.exemplarId,
    exemplarName: r.exemplarId ? r.exemplarName : null,
    coverImageUrl: coverImageId ? publicImageUrl(s.id, coverImageId) : null,
    publishedAt: (s.publishedAt ?? new Date(0)).toISOString(),
  };
}

export function publicStoryDetail(
  r: PublicStoryDetailRow,
  images: { id: string; width: number; height: number; caption: string }[],
): z.infer<typeof publicStoryDetailSchema> {
  return {
    ...publicStory(r, images[0]?.id ?? null),
    bodyHtml: r.story.bodyHtml,
    images: images.map((i) => ({ url: publicImageUrl(r.story.id, i.id), width: i.width, height: i.height, caption: i.caption })),
  };
}

export const publicDecisionSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    numberText: z.string(),
    decisionDate: z.string(),
    title: z.string(),
    issuerName: z.string(),
    signerName: z.string(),
    signerTitle: z.string(),
    unitName: z.string(),
    awardeeCount: z.number().int(),
  })
  .meta({ id: 'PublicDecision' });

export const publicAwardeeSchema = z
  .object({
    subjectKind: z.string(),
    name: z.string(),
    positionText: z.string().nullable().describe('Chức vụ, đơn vị như in trong danh sách kèm quyết định'),
    honor: z.string(),
    honorLabel: z.string(),
  })
  .meta({ id: 'PublicAwardee' });

export const publicDecisionDetailSchema = publicDecisionSchema.extend({ awardees: z.array(publicAwardeeSchema) }).meta({ id: 'PublicDecisionDetail' });

export function publicDecision(r: PublicDecisionRow): z.infer<typeof publicDecisionSchema> {
  return {
    id: r.id,
    url: `/cong-khai/quyet-dinh/${r.id}`,
    numberText: r.numberText,
    decisionDate: r.decisionDate,
    title: r.title,
    issuerName: r.issuerName,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    unitName: r.unitName,
    awardeeCount: r.awardeeCount,
  };
}

export function publicDecisionDetail(
  r: PublicDecisionRow,
  awardees: { subjectKind: string; displayName: string; positionText: string | null; honor: string }[],
): z.infer<typeof publicDecisionDetailSchema> {
  return {
    ...publicDecision(r),
    awardees: awardees.map((a) => ({
      subjectKind: a.subjectKind,
      name: a.displayName,
      positionText: a.positionText,
      honor: a.honor,
      honorLabel: HONOR_INFO[a.honor as Honor]?.label ?? a.honor,
    })),
  };
}

// ---- Feed and sitemap (text, built from the same public fields) ----

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  updated: Date;
}

/** An Atom 1.0 feed of the portal's newest items (stable ids: the item's page). */
export function atomFeed(base: string, items: FeedItem[], updated: Date): string {
  const entries = items
    .map(
      (i) => `  <entry>
    <id>${xml(base + i.url)}</id>
    <title>${xml(i.title)}</title>
    <link href="${xml(base + i.url)}"/>
    <updated>${i.updated.toISOString()}</updated>
    <summary>${xml(i.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(base + '/cong-khai')}</id>
  <title>Cổng thông tin thi đua, khen thưởng</title>
  <link href="${xml(base + '/cong-khai')}"/>
  <link rel="self" href="${xml(base + '/api/public/feed.atom')}"/>
  <updated>${updated.toISOString()}</updated>
${entries}
</feed>
`;
}

export function sitemap(base: string, urls: { url: string; updated: Date | null }[]): string {
  const body = urls.map((u) => `  <url><loc>${xml(base + u.url)}</loc>${u.updated ? `<lastmod>${u.updated.toISOString()}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

// ---- Open Graph tags of the portal's pages (the SPA's index.html, filled in by the server) ----

export interface PortalMeta {
  title: string;
  description: string;
  type: 'website' | 'article';
  url: string;
  image: string | null;
}

const PORTAL_NAME = 'Cổng thông tin thi đua, khen thưởng';
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export function portalHomeMeta(url: string): PortalMeta {
  return {
    title: PORTAL_NAME,
    description: 'Điển hình tiên tiến, bài viết, quyết định khen thưởng, kế hoạch và phong trào thi đua được công khai.',
    type: 'website',
    url,
    image: null,
  };
}

/** The tags of an item page, from the same public fields its JSON answer carries. */
export function exemplarMeta(e: z.infer<typeof publicExemplarSchema>): PortalMeta {
  return { title: `${e.name} – ${e.kindLabel}`, description: clip(e.achievement, 200), type: 'article', url: e.url, image: null };
}
export function storyMeta(s: z.infer<typeof publicStorySchema>): PortalMeta {
  return { title: s.title, description: clip(s.summary, 200), type: 'article', url: s.url, image: s.coverImageUrl };
}
export function decisionMeta(d: z.infer<typeof publicDecisionSchema>): PortalMeta {
  return {
    title: `Quyết định số ${d.numberText}`,
    description: clip(`${d.title} (${d.issuerName}, ${d.awardeeCount} tập thể, cá nhân được khen thưởng)`, 200),
    type: 'article',
    url: d.url,
    image: null,
  };
}

const attr = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);

/** index.html with the page's <title> and Open Graph tags (values escaped; the page itself is the SPA). */
export function withPortalMeta(indexHtml: string, base: string, m: PortalMeta): string {
  const tags = [
    `<meta property="og:site_name" content="${attr(PORTAL_NAME)}" />`,
    `<meta property="og:title" content="${attr(m.title)}" />`,
    `<meta property="og:description" content="${attr(m.description)}" />`,
    `<meta property="og:type" content="${m.type}" />`,
    `<meta property="og:url" content="${attr(base + m.url)}" />`,
    `<meta property="og:locale" content="vi_VN" />`,
    ...(m.image ? [`<meta property="og:image" content="${attr(base + m.image)}" />`] : []),
    `<meta name="description" content="${attr(m.description)}" />`,
  ].join('\n    ');
  const title = m.title === PORTAL_NAME ? m.title : `${m.title} – ${PORTAL_NAME}`;
  const withTitle = /<title>[^<]*<\/title>/.test(indexHtml)
    ? indexHtml.replace(/<title>[^<]*<\/title>/, `<title>${attr(title)}</title>`)
    : indexHtml.replace('</head>', `<title>${attr(title)}</title></head>`);
  return withTitle.replace('</head>', `    ${tags}\n  </head>`);
}
