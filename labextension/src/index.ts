/**
 * bmc-course's JupyterLab extension, loaded only by the JupyterLab that
 * `bmc-course start` runs, and acting only on notebooks marked as the
 * course's in their metadata (see ./courseOptions.ts):
 *
 * - they run themselves once their kernel is ready (./autorun.ts);
 * - their code cells are hidden, with a toolbar button to show them (./codeVisibility.ts);
 * - running them, or using their widgets, never marks them as unsaved (./outputOnlyChanges.ts);
 * - their widgets' sliders get an accessible name (./sliderNames.ts);
 * - their kernel knows whether the learner can see them, so a hidden notebook does
 *   not redraw after every click in another one (./kernelVisibility.ts);
 * - when their kernel has gone (a hub stops idle ones), their widgets pause until the
 *   learner clicks in the notebook, which starts a new kernel (./kernelGone.ts).
 */
import { ILabShell, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { Autorun } from './autorun';
import { CodeVisibilityButton } from './codeVisibility';
import { courseOptions } from './courseOptions';
import { KernelGone } from './kernelGone';
import { KernelVisibility } from './kernelVisibility';
import { OutputOnlyChanges } from './outputOnlyChanges';
import { SliderNames } from './sliderNames';
import { StatusLabel } from './statusLabel';

/**
 * Notebooks already run by an Autorun: a second view of the same notebook
 * (File ▸ New View) shares its kernel, which must not run everything twice.
 */
const autorunning = new WeakSet<object>();

async function attach(panel: NotebookPanel, shell: ILabShell | null): Promise<void> {
  await panel.context.ready;
  if (panel.isDisposed || !panel.model) {
    return;
  }
  const options = courseOptions(panel.model);
  if (!options) {
    return;
  }
  panel.addClass('bmc-course-notebook');
  const parts: { dispose(): void }[] = [new OutputOnlyChanges(panel.model), new SliderNames(panel.node)];
  const button = new CodeVisibilityButton(panel, options.hideCode);
  panel.toolbar.insertItem(0, 'bmc-course-code', button);
  if (options.autorun && !autorunning.has(panel.context)) {
    const status = new StatusLabel();
    panel.toolbar.insertItem(1, 'bmc-course-status', status);
    autorunning.add(panel.context);
    parts.push(new Autorun(panel, status), { dispose: () => autorunning.delete(panel.context) });
    parts.push(new KernelVisibility(panel, shell));
    const paused = new StatusLabel(); // its own line: the autorun's never hides this one
    panel.toolbar.insertItem(2, 'bmc-course-paused', paused);
    parts.push(new KernelGone(panel, paused));
  }
  panel.disposed.connect(() => parts.forEach(part => part.dispose()));
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'bmc-course-lab:course-notebooks',
  description: 'Course notebooks run themselves, hide their code and stay clean when only their outputs change.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ILabShell],
  activate: (_: JupyterFrontEnd, notebooks: INotebookTracker, shell: ILabShell | null): void => {
    notebooks.widgetAdded.connect((__, panel) => {
      attach(panel, shell).catch(reason => console.error('bmc-course: cannot prepare the notebook', reason));
    });
  }
};

export default plugin;
