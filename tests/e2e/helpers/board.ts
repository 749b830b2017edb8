import { expect, type Locator, type Page } from '@playwright/test';

export interface RaiseFields {
  readonly type?: string;
  readonly level?: 'I' | 'II' | 'III' | 'IV';
  readonly title: string;
  readonly location?: string;
  readonly details?: string;
  readonly drill?: boolean;
}

/** Opens the board in English and waits until it is connected. */
export async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(`${url}?lang=en`);
  await expect(page.getByRole('status')).toHaveText('Online');
}

export const raiseForm = (page: Page) => page.getByRole('form', { name: 'Raise incident' });
export const incidentBoard = (page: Page) => page.getByRole('region', { name: 'Incident board' });
export const recent = (page: Page) => page.getByRole('region', { name: 'Recent' });
export const card = (page: Page, title: string) => incidentBoard(page).getByRole('article', { name: title });

/** Fills the English form by its labels, as a duty officer would; does not submit. */
export async function fillRaiseForm(page: Page, fields: RaiseFields): Promise<void> {
  const form = raiseForm(page);
  if (fields.type !== undefined) await form.getByLabel('Incident type', { exact: true }).selectOption({ label: fields.type });
  if (fields.level !== undefined) {
    await form.getByLabel('Level', { exact: true }).selectOption(fields.level);
  }
  await form.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.location !== undefined) await form.getByLabel('Location', { exact: true }).fill(fields.location);
  if (fields.details !== undefined) await form.getByLabel('Details', { exact: true }).fill(fields.details);
  if (fields.drill !== undefined) await form.getByLabel(/^Drill/).setChecked(fields.drill);
}

/** Raises through the form and waits for the host to confirm it (the form announces it). */
export async function raiseIncident(page: Page, fields: RaiseFields): Promise<void> {
  await fillRaiseForm(page, fields);
  await raiseForm(page).getByRole('button', { name: 'Raise incident' }).click();
  const confirmed = raiseForm(page).getByText(/^Incident \d+ raised$/);
  const refused = raiseForm(page).locator('.field-error');
  await expect(confirmed.or(refused).first()).toBeVisible();
  // A refusal fails here with its own words rather than as a missing confirmation.
  await expect(refused).toHaveText([]);
  await expect(confirmed).toBeVisible();
  await expect(card(page, fields.title)).toBeVisible();
}

/** Resolve asks first (issue 13): the card's button opens the confirmation, which is confirmed here. */
export async function resolveIncident(page: Page, incidentCard: Locator, summary = ''): Promise<void> {
  await incidentCard.getByRole('button', { name: /^Resolve/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Resolve incident/ });
  if (summary !== '') await dialog.getByLabel('Summary (optional)').fill(summary);
  await dialog.getByRole('button', { name: 'Confirm resolve' }).click();
  await expect(dialog).toHaveCount(0);
}
