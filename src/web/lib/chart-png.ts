/**
 * A dashboard chart as a PNG image: the chart's SVG (recharts draws one) painted on a canvas
 * under its title, with the legend (HTML in recharts) drawn below it; progress bars (HTML) are
 * painted from their figures. Everything happens in the browser: no server round trip.
 */
const SCALE = 2;
const PAD = 16;
const TITLE_H = 28;
const FONT = '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

function canvasOf(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Trình duyệt không vẽ được ảnh.');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1f1f1f';
  ctx.textBaseline = 'middle';
  return [canvas, ctx];
}

function drawTitle(ctx: CanvasRenderingContext2D, title: string) {
  ctx.font = `600 15px ${FONT}`;
  ctx.fillStyle = '#1f1f1f';
  ctx.fillText(title, PAD, PAD + 8);
}

const toBlob = (canvas: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Không tạo được ảnh PNG.'))), 'image/png'));

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Không đọc được hình biểu đồ.'));
    img.src = src;
  });
}

interface LegendItem {
  color: string;
  text: string;
}

function legendOf(root: HTMLElement): LegendItem[] {
  return [...root.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((li) => {
    const mark = li.querySelector('path, rect, line');
    return {
      color: mark?.getAttribute('fill') ?? mark?.getAttribute('stroke') ?? '#999',
      text: li.querySelector('.recharts-legend-item-text')?.textContent ?? li.textContent ?? '',
    };
  });
}

/** The chart inside `root` (its main recharts SVG) as a PNG with `title` above it. */
export async function chartPng(root: HTMLElement, title: string): Promise<Blob> {
  const svg = root.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (!svg) throw new Error('Không có biểu đồ để xuất ảnh.');
  const box = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.setAttribute('font-family', FONT);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const legend = legendOf(root);
    const legendH = legend.length ? 28 : 0;
    const width = box.width + PAD * 2;
    const [canvas, ctx] = canvasOf(width, TITLE_H + PAD + box.height + legendH + PAD);
    drawTitle(ctx, title);
    ctx.drawImage(img, PAD, TITLE_H + PAD, box.width, box.height);
    let x = PAD;
    const y = TITLE_H + PAD + box.height + 14;
    ctx.font = `13px ${FONT}`;
    for (const item of legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y - 6, 12, 12);
      ctx.fillStyle = '#1f1f1f';
      ctx.fillText(item.text, x + 18, y);
      x += 18 + ctx.measureText(item.text).width + 20;
    }
    return await toBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Progress bars (label, percent) painted as a PNG: the targets part is HTML, not an SVG. */
export async function progressPng(title: string, rows: { label: string; percent: number; done: boolean }[]): Promise<Blob> {
  const width = 720;
  const rowH = 46;
  const [canvas, ctx] = canvasOf(width, TITLE_H + PAD + Math.max(1, rows.length) * rowH + PAD);
  drawTitle(ctx, title);
  rows.forEach((r, i) => {
    const y = TITLE_H + PAD + i * rowH;
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = '#1f1f1f';
    ctx.fillText(r.label, PAD, y + 10, width - PAD * 2);
    const barW = width - PAD * 2 - 56;
    ctx.fillStyle = '#f0f0f0';
    ctx.fillRect(PAD, y + 22, barW, 10);
    ctx.fillStyle = r.done ? '#52c41a' : '#1677ff';
    ctx.fillRect(PAD, y + 22, (barW * Math.min(100, Math.max(0, r.percent))) / 100, 10);
    ctx.fillStyle = '#1f1f1f';
    ctx.fillText(`${r.percent}%`, PAD + barW + 8, y + 27);
  });
  return toBlob(canvas);
}
