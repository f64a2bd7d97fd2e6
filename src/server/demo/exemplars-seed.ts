/**
 * Demo exemplars (điển hình tiên tiến): one at each of the four stages, two of them on the portal, and a
 * published story with a photo (drawn here, then resized like any upload), so that /dien-hinh and
 * /cong-khai have something to show on first start.
 */
import sharp from 'sharp';
import type { Tx } from '../db/client.js';
import { insertExemplar, insertExemplarStep, unsafeMovementsUnder, updateExemplar } from '../repositories/exemplars.js';
import { insertStory, insertStoryImage } from '../repositories/stories.js';
import { unsafeFindAccountByUsername } from '../repositories/accounts.js';
import { unsafeUnitPath } from '../repositories/units.js';
import { prepareStoryImage } from '../content/images.js';
import { sanitizeStoryHtml } from '../content/sanitize.js';
import { now } from '../clock.js';

/** A landscape (terraced fields under a sun) as JPEG: no text, so no font is needed. */
async function demoPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7ec8f0"/><stop offset="1" stop-color="#e8f6ff"/></linearGradient></defs>
  <rect width="2400" height="1600" fill="url(#sky)"/>
  <circle cx="1900" cy="330" r="150" fill="#ffd34d"/>
  <path d="M0 900 Q600 620 1200 860 T2400 780 V1600 H0Z" fill="#5aa05a"/>
  <path d="M0 1060 Q700 860 1400 1040 T2400 1000 V1600 H0Z" fill="#77b84f"/>
  <path d="M0 1230 Q800 1080 1500 1220 T2400 1190 V1600 H0Z" fill="#9bcf4a"/>
  <path d="M0 1400 Q900 1290 1600 1400 T2400 1380 V1600 H0Z" fill="#c4e05a"/>
  <rect x="420" y="760" width="180" height="120" fill="#8b5a2b"/><path d="M400 770 L510 680 L620 770Z" fill="#a33"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export async function seedDemoExemplars(tx: Tx, unit: (key: string) => string, person: (name: string) => string): Promise<void> {
  const office = await unsafeFindAccountByUsername(tx, 'vanphong');
  const clerk = await unsafeFindAccountByUsername(tx, 'donvi');
  const movement = (await unsafeMovementsUnder(tx, await unsafeUnitPath(tx, unit('so'))))[0] ?? null;
  const at = now();

  const model = await insertExemplar(tx, {
    unitId: unit('ttud'),
    kind: 'model',
    name: 'Mô hình "Vườn ươm giống cây trồng công nghệ cao"',
    positionText: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
    movementId: movement?.id ?? null,
    achievement: 'Sản xuất 120.000 cây giống sạch bệnh mỗi năm, chuyển giao cho 14 hợp tác xã ở các huyện vùng cao.',
    reason: 'Cách làm mới, hiệu quả kinh tế rõ, có thể áp dụng ở các đơn vị khác.',
    stage: 'discovered',
    discoveredOn: '2025-02-10',
    discoveredBy: clerk?.id ?? null,
  });
  await insertExemplarStep(tx, {
    exemplarId: model.id,
    stage: 'nurturing',
    stepDate: '2025-03-15',
    owner: 'Văn phòng Sở',
    content: 'Hỗ trợ kinh phí mua hệ thống tưới nhỏ giọt và tập huấn kỹ thuật.',
    createdBy: office?.id ?? null,
  });
  await insertExemplarStep(tx, {
    exemplarId: model.id,
    stage: 'spreading',
    stepDate: '2025-09-20',
    owner: 'Chi cục Tiêu chuẩn Đo lường Chất lượng',
    content: 'Áp dụng quy trình kiểm soát chất lượng cây giống.',
    unitId: unit('cc'),
    createdBy: office?.id ?? null,
  });
  await updateExemplar(
    tx,
    model.id,
    {
      stage: 'spreading',
      nurturedFrom: '2025-03-15',
      summedUpOn: '2025-08-30',
      summedUpBy: office?.id ?? null,
      assessment: 'Mô hình đạt và vượt các chỉ tiêu; đề nghị nhân rộng trong toàn ngành.',
      spreadFrom: '2025-09-20',
      publishedAt: at,
    },
    at,
  );

  const person1 = await insertExemplar(tx, {
    unitId: unit('ttud'),
    kind: 'person',
    name: 'Lý Thị Phương',
    personId: person('Lý Thị Phương'),
    positionText: 'Kỹ sư nông nghiệp, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
    movementId: movement?.id ?? null,
    achievement: 'Chủ trì đưa giống lúa chịu hạn vào ba xã vùng cao, năng suất tăng 18%.',
    reason: 'Tấm gương cán bộ trẻ tận tụy với cơ sở.',
    stage: 'discovered',
    discoveredOn: '2025-01-20',
    discoveredBy: clerk?.id ?? null,
  });
  await insertExemplarStep(tx, {
    exemplarId: person1.id,
    stage: 'nurturing',
    stepDate: '2025-02-15',
    owner: 'Phòng Quản lý khoa học',
    content: 'Cử tham gia lớp bồi dưỡng chuyển giao công nghệ.',
    createdBy: office?.id ?? null,
  });
  await updateExemplar(
    tx,
    person1.id,
    {
      stage: 'summed_up',
      nurturedFrom: '2025-02-15',
      summedUpOn: '2025-07-10',
      summedUpBy: office?.id ?? null,
      assessment: 'Hoàn thành xuất sắc nhiệm vụ; được nhân dân ba xã ghi nhận.',
      publishedAt: at,
    },
    at,
  );

  const collective = await insertExemplar(tx, {
    unitId: unit('qlkh'),
    kind: 'collective',
    name: 'Phòng Quản lý khoa học',
    subjectUnitId: unit('qlkh'),
    achievement: 'Rút ngắn thời gian thẩm định đề tài từ 45 xuống 25 ngày.',
    reason: 'Cải cách hành chính tiêu biểu.',
    stage: 'discovered',
    discoveredOn: '2025-05-05',
    discoveredBy: office?.id ?? null,
  });
  await insertExemplarStep(tx, {
    exemplarId: collective.id,
    stage: 'nurturing',
    stepDate: '2025-06-01',
    owner: 'Văn phòng Sở',
    content: 'Hướng dẫn chuẩn hóa quy trình ISO.',
    createdBy: office?.id ?? null,
  });
  await updateExemplar(tx, collective.id, { stage: 'nurturing', nurturedFrom: '2025-06-01' }, at);

  await insertExemplar(tx, {
    unitId: unit('cc'),
    kind: 'person',
    name: 'Cán bộ kiểm định đo lường tiêu biểu',
    achievement: 'Kiểm định 2.400 phương tiện đo, không để xảy ra sai sót.',
    reason: 'Đề xuất của Chi cục trong phong trào thi đua.',
    stage: 'discovered',
    discoveredOn: '2025-10-01',
    discoveredBy: office?.id ?? null,
  });

  const story = await insertStory(tx, {
    unitId: unit('ttud'),
    exemplarId: model.id,
    title: 'Vườn ươm công nghệ cao: cây giống sạch cho vùng cao',
    summary: 'Từ một vườn ươm nhỏ, Trung tâm Ứng dụng đã cung cấp cây giống sạch bệnh cho 14 hợp tác xã.',
    bodyHtml: sanitizeStoryHtml(
      '<p>Ba năm trước, vườn ươm của Trung tâm chỉ có vài trăm mét vuông nhà lưới.</p>' +
        '<h3>Cách làm</h3><ul><li>Tưới nhỏ giọt theo độ ẩm đất</li><li>Kiểm soát sâu bệnh sinh học</li><li>Chuyển giao kèm tập huấn</li></ul>' +
        '<blockquote>Cây giống tốt là một nửa vụ mùa.</blockquote><p>Mô hình đã được <strong>nhân rộng</strong> tại Chi cục Tiêu chuẩn Đo lường Chất lượng.</p>',
    ),
    authorName: 'Hà Thị Mai',
    status: 'published',
    createdBy: clerk?.id ?? null,
    approvedBy: office?.id ?? null,
    approvedAt: at,
    publishedAt: at,
  });
  const img = await prepareStoryImage(await demoPhoto());
  await insertStoryImage(tx, {
    storyId: story.id,
    mime: img.mime,
    width: img.width,
    height: img.height,
    caption: 'Ruộng bậc thang trồng cây giống của vườn ươm',
    data: img.data,
  });
}
