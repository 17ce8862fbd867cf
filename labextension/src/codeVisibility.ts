/**
 * Code cells out of the way: a class on the notebook panel hides every code
 * cell's input (outputs, i.e. the widgets, stay), and a toolbar button shows
 * the code to whoever is curious, and hides it again.
 *
 * This is view state only: nothing is written to the notebook, so hiding or
 * showing code never marks it as changed.
 */
import { NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';

export const HIDE_CODE_CLASS = 'bmc-course-hide-code';

export class CodeVisibilityButton extends Widget {
  constructor(panel: NotebookPanel, hidden: boolean) {
    const button = document.createElement('button');
    button.type = 'button';
    super({ node: button });
    this._panel = panel;
    this._button = button;
    this.addClass('bmc-course-code-toggle');
    button.addEventListener('click', () => this.setCodeHidden(!this._hidden));
    this.setCodeHidden(hidden);
  }

  /** Whether the code cells' input is hidden now. */
  get codeHidden(): boolean {
    return this._hidden;
  }

  setCodeHidden(hidden: boolean): void {
    this._hidden = hidden;
    this._panel.toggleClass(HIDE_CODE_CLASS, hidden);
    this._button.textContent = hidden ? 'Show code' : 'Hide code';
    this._button.title = hidden
      ? 'Show the Python code behind the exercises (you never need to edit it)'
      : 'Hide the code again: only the text and the exercises stay';
  }

  private _panel: NotebookPanel;
  private _button: HTMLButtonElement;
  private _hidden = true;
}
