import { describe, expect, it } from 'vitest';
import { activeIncidents } from '../../electron/core/incident/selectors.js';
import { EMERGENCY_NUMBERS, escapeHtml, FALLBACK_CSP, fallbackPage } from '../../electron/main/fallback-page.js';
import { raise } from '../helpers/commands.js';
import { boardAfter } from './board-fixture.js';

describe('the crash-loop fallback page', () => {
  const { state } = boardAfter([
    raise({ title: 'Smoke <script>alert(1)</script> in B3', level: 'I' }),
    raise({ title: 'Drill evacuation', drill: true, level: 'III' }),
  ]);
  const page = fallbackPage({
    siteName: 'Plant "North"',
    active: activeIncidents(state),
    contacts: [{ name: 'Safety officer Li', number: '138 0000 0000', note: 'nights' }],
    now: Date.UTC(2025, 0, 6, 8, 5),
    timeZone: 'Asia/Shanghai',
    view: 'wall',
  });

  it('lists every active incident, escaped, gravest first', () => {
    expect(page).toContain('Smoke &lt;script&gt;alert(1)&lt;/script&gt; in B3');
    expect(page).not.toContain('<script>');
    expect(page.indexOf('Smoke')).toBeLessThan(page.indexOf('Drill evacuation'));
    expect(page).toContain('演练 DRILL');
    expect(page).toContain('Active incidents (2)');
  });

  it('lists the emergency numbers 119, 110, 120, 122 and the site contacts', () => {
    expect(EMERGENCY_NUMBERS.map((n) => n.number)).toEqual(['119', '110', '120', '122']);
    for (const n of ['119', '110', '120', '122']) expect(page).toContain(`<span class="number">${n}</span>`);
    expect(page).toContain('138 0000 0000');
    expect(page).toContain('Safety officer Li');
    expect(page).toContain('Plant &quot;North&quot;');
  });

  it('has no script and forbids any, and links back to the same view', () => {
    expect(page).not.toMatch(/<script/i);
    expect(FALLBACK_CSP).toContain("script-src 'none'");
    expect(FALLBACK_CSP).toContain("default-src 'none'");
    expect(page).toContain('href="app://board/index.html?view=wall"');
  });

  it('says so when nothing is active', () => {
    expect(fallbackPage({ siteName: '', active: [], contacts: [], now: 0, view: 'console' })).toContain('No active incidents');
  });

  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
