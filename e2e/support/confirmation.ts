// The app's one confirmation dialog (src/web/shell/Confirmation.tsx): scenarios answer it as a user
// does. The browser's own confirm() is never used: a scenario that sees one fails.
import type { Page } from 'playwright-core';

/** The open confirmation dialog titled `titre`. */
export function dialogueConfirmation(page: Page, titre: string) {
  return page.getByRole('dialog', { name: titre, exact: true });
}

/** Waits for the dialog `titre`, clicks its `bouton` (or « Annuler »), and waits for it to close. */
export async function repondreConfirmation(page: Page, titre: string, bouton: string) {
  const d = dialogueConfirmation(page, titre);
  await d.waitFor({ state: 'visible' });
  await d.getByRole('button', { name: bouton, exact: true }).click();
  await d.waitFor({ state: 'hidden' });
}

/** Makes any native confirm()/alert() fail the scenario (dismissed, and recorded). */
export function refuserDialoguesNatifs(page: Page): string[] {
  const vus: string[] = [];
  page.on('dialog', (d) => {
    vus.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return vus;
}
