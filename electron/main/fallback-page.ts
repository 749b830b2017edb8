import type { Contact } from '../core/organisation/settings.js';
import type { Incident } from '../core/state.js';
import { boardUrl, type BoardView } from './app-origin.js';

/**
 * The page shown when the board's renderer crashes again and again: plain HTML written by main,
 * no script, so it cannot take part in the crash loop. It still tells the control room what is
 * active and whom to call. Main regenerates it whenever the board changes.
 */
export const EMERGENCY_NUMBERS: readonly { readonly number: string; readonly zh: string; readonly en: string }[] = [
  { number: '119', zh: '火警', en: 'Fire' },
  { number: '110', zh: '报警', en: 'Police' },
  { number: '120', zh: '急救', en: 'Ambulance' },
  { number: '122', zh: '交通事故', en: 'Traffic accident' },
];

/** No script at all; inline style only (this page has no other resources). */
export const FALLBACK_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface FallbackInput {
  readonly siteName: string;
  readonly active: readonly Incident[];
  readonly contacts: readonly Contact[];
  readonly now: number;
  /** the view the window showed, so "try again" goes back to it */
  readonly view: BoardView;
  /** render times in this zone; the machine's by default */
  readonly timeZone?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const LEVEL_COLOUR: Readonly<Record<string, string>> = { I: '#c62828', II: '#ef6c00', III: '#f9a825', IV: '#1565c0' };
const STATUS: Readonly<Record<string, string>> = { raised: '未确认 Unacknowledged', acknowledged: '已确认 Acknowledged' };

export function fallbackPage(input: FallbackInput): string {
  const time = new Intl.DateTimeFormat('zh-CN', {
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  });
  const rows = input.active.map((incident) => {
    const status = STATUS[incident.status] ?? incident.status;
    const drill = incident.drill ? ' <strong>演练 DRILL</strong>' : '';
    return `<tr><td><span class="level" style="background:${LEVEL_COLOUR[incident.level] ?? '#555'}">${escapeHtml(incident.level)}</span></td><td>${escapeHtml(incident.title)}${drill}</td><td>${escapeHtml(incident.location)}</td><td>${escapeHtml(status)}</td><td>${escapeHtml(time.format(incident.raisedAt))}</td></tr>`;
  });
  const incidents =
    rows.length === 0
      ? '<p class="none">当前无活动事件 No active incidents</p>'
      : `<table><thead><tr><th>级别 Level</th><th>事件 Incident</th><th>地点 Location</th><th>状态 Status</th><th>发生 Raised</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const numbers = EMERGENCY_NUMBERS.map(
    (n) => `<li><span class="number">${n.number}</span> ${escapeHtml(n.zh)} ${escapeHtml(n.en)}</li>`,
  ).join('');
  const contacts = input.contacts
    .map(
      (c) =>
        `<li><span class="number">${escapeHtml(c.number)}</span> ${escapeHtml(c.name)}${c.note === '' ? '' : ` — ${escapeHtml(c.note)}`}</li>`,
    )
    .join('');
  const site = input.siteName === '' ? '' : `${escapeHtml(input.siteName)} · `;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FALLBACK_CSP}">
<title>应急值守看板 (备用页) Control-room board (fallback)</title>
<style>
body{font-family:system-ui,sans-serif;background:#111;color:#eee;margin:2rem;font-size:1.25rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
.note{color:#ffcc80}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #444;padding:.5rem;text-align:left}
.level{display:inline-block;min-width:2.5rem;text-align:center;color:#fff;font-weight:bold;border-radius:.25rem}
.number{display:inline-block;min-width:4rem;font-size:1.8rem;font-weight:bold;color:#fff}
ul{list-style:none;padding:0;columns:2}
li{margin:.3rem 0}
a{color:#90caf9}
</style>
</head>
<body>
<main>
<h1>${site}应急值守看板 · 备用页 / fallback page</h1>
<p class="note" role="alert">看板多次崩溃，已切换到简易页面。数据仍由本机保存，报警与升级照常进行。<br>The board crashed several times and this plain page replaced it. Every record is still kept; alarms and escalation go on.</p>
<p>更新于 Updated ${escapeHtml(time.format(input.now))}</p>
<section aria-label="Active incidents"><h2>活动事件 Active incidents (${input.active.length})</h2>${incidents}</section>
<section aria-label="Emergency numbers"><h2>紧急电话 Emergency numbers</h2><ul>${numbers}</ul></section>
${contacts === '' ? '' : `<section aria-label="Contacts"><h2>联系人 Contacts</h2><ul>${contacts}</ul></section>`}
<p><a href="${boardUrl(input.view)}">重新打开完整看板 Try the full board again</a></p>
</main>
</body>
</html>
`;
}
