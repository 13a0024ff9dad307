/** The SES state as a file: its name, and the download both the panel and the palette start. */
import type { SesStore } from '../../state/ses.svelte.ts';
import { downloadFile } from '../shared/download.ts';

/** The file the whole simulator state is saved as. */
export const SES_STATE_FILE = 'mailwright-ses-state.json';

/** Download the simulator's whole state as JSON; returns the file's name. */
export function downloadSesState(store: SesStore): string {
  downloadFile(store.exportJson(), SES_STATE_FILE, 'application/json');
  return SES_STATE_FILE;
}
