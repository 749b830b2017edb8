import { FloodBanner } from './FloodBanner.js';
import { Horn } from './Horn.js';

/** Board-wide alarm things, mounted once under the header: the flood banner and the one horn. */
export function AlarmBar() {
  return (
    <>
      <FloodBanner />
      <Horn />
    </>
  );
}
