/**
 * What a notebook asks of this extension, read from its metadata.
 *
 * Course notebooks carry `"bmc_course": {"autorun": true, "hide_code": true}`
 * in their notebook metadata; any other notebook is left exactly as JupyterLab
 * shows it.
 */
import { INotebookModel } from '@jupyterlab/notebook';

/** The metadata key the course's notebooks are marked with. */
export const METADATA_KEY = 'bmc_course';

export interface ICourseOptions {
  /** Run every code cell once the notebook's kernel is ready. */
  autorun: boolean;
  /** Hide code cells' input (a toolbar button shows it). */
  hideCode: boolean;
}

/** The options of a course notebook, or null for any other notebook. */
export function courseOptions(model: INotebookModel): ICourseOptions | null {
  const raw = model.getMetadata(METADATA_KEY) as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return null;
  }
  const options = raw as Record<string, unknown>;
  const autorun = options['autorun'] === true;
  const hideCode = options['hide_code'] === true;
  return autorun || hideCode ? { autorun, hideCode } : null;
}
