import { expect, type Page } from '@playwright/test';
import type { CommandInput } from '../../../electron/core/contract/contract.js';
import type { Person } from '../../../electron/core/organisation/roster.js';
import type { RunningHost } from './host.js';

/** Sends one command to the host's HTTP API, as a script or another system would, and fails loudly if refused. */
export async function postCommand(host: RunningHost, command: CommandInput): Promise<{ seq: number; incidentId: string }> {
  const response = await fetch(new URL('/api/v1/commands', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  const body = (await response.json()) as { ok: boolean; value?: { seq: number; incidentId: string }; error?: unknown };
  if (!body.ok || body.value === undefined) throw new Error(`${command.type} refused: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** A small site roster: who may hold which position of the emergency organisation. */
export const ROSTER: Person[] = [
  { id: 'li-wei', name: 'Li Wei', phone: '138 0000 0001', department: 'Plant management', positions: ['commander', 'deputyCommander'] },
  { id: 'zhang-min', name: 'Zhang Min', phone: '138 0000 0002', department: 'Production', positions: ['onSiteLead', 'commandGroup'] },
  { id: 'chen-jie', name: 'Chen Jie', phone: '138 0000 0003', department: 'Fire team', positions: ['rescueGroup'] },
  {
    id: 'wang-fang',
    name: 'Wang Fang',
    phone: '138 0000 0004',
    department: 'Duty office',
    positions: ['dutyOfficer', 'dutyHead', 'liaison'],
  },
  { id: 'zhao-lei', name: 'Zhao Lei', phone: '138 0000 0005', department: 'Security', positions: ['securityGroup'] },
  { id: 'sun-li', name: 'Sun Li', phone: '138 0000 0006', department: 'Clinic', positions: ['medicalGroup'] },
  { id: 'zhou-qiang', name: 'Zhou Qiang', phone: '138 0000 0007', department: 'Safety', positions: ['safetyOfficer', 'expertGroup'] },
];

export const seedRoster = (host: RunningHost, people: Person[] = ROSTER) => postCommand(host, { type: 'setRoster', people });

export const detailPane = (page: Page) => page.getByRole('region', { name: /^Incident details: / });
export const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
export const contacts = (page: Page) => page.getByRole('region', { name: 'Emergency contacts' });

/** Opens the wall display in English and waits until it is connected. */
export async function openWall(page: Page, url: string, language: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await page.goto(`${url}?view=wall&lang=${language}`);
  await expect(page.getByRole('status')).toHaveText(language === 'en' ? 'Online' : '在线');
}
