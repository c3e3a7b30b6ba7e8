// Widget entry point. The card is defined at once and paints its skeleton.
// The rest of the widget (SDK adapter, API client, settings) is a second
// chunk, requested right after that paint, so the first paint needs only this
// entry on any network. The SDK handshake starts when the second chunk runs.
import { CrmError } from './api/crm-error.js';
import { afterNextPaint } from './elements/after-paint.js';
import './elements/score-card.js';

afterNextPaint()
  .then(() => import('./bootstrap/start.js'))
  .then(({ start }) => start())
  .catch((error: unknown) => {
    // Without the second chunk nothing can load: show an error instead of a skeleton forever.
    const card = document.querySelector('entity-score-card');
    if (card) card.startupError = new CrmError('WIDGET_NOT_LOADED', 'Part of the widget failed to load.');
    console.error('[entity-score-card] main: record -: WIDGET_NOT_LOADED', error);
  });
