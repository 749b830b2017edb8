/**
 * Hands a text to the browser as a file download through a Blob URL (no server round trip; works
 * the same in Electron and in a browser served by the host).
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only needs to live until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the user picked, as text. */
export const readFileText = (file: Blob): Promise<string> => file.text();
