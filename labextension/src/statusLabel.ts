/**
 * One line in the notebook's toolbar saying what the notebook is doing on its own
 * ("Starting…"), empty when there is nothing to say. Screen readers hear it too.
 */
import { Widget } from '@lumino/widgets';

export class StatusLabel extends Widget {
  constructor() {
    super({ node: document.createElement('span') });
    this.addClass('bmc-course-status');
    this.node.setAttribute('role', 'status');
    this.node.setAttribute('aria-live', 'polite');
    this.say('');
  }

  /** Show `text`; an empty text hides the label. */
  say(text: string, problem = false): void {
    this.node.textContent = text;
    this.node.classList.toggle('bmc-course-status-problem', problem);
    this.node.hidden = text === '';
  }
}
