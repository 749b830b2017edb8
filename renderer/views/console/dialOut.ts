/** The digits a dialler understands: tel:+86 10 1234-5678 → tel:+861012345678. */
export const telHref = (number: string): string => `tel:${number.replace(/[^0-9+*#]/g, '')}`;

/**
 * Hands the number to the system's dialler (a softphone registered for tel:). Only called when
 * the site says one is installed (settings.dialOut).
 */
export function openTel(number: string): void {
  const link = document.createElement('a');
  link.href = telHref(number);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
