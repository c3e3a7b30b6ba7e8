// Widget entry point. The card is defined at once, so the skeleton paints
// while the rest of the widget (SDK adapter, API client, settings) loads as a
// second chunk in parallel with the SDK handshake.
import { CrmError } from './api/crm-error.js';
import './elements/score-card.js';

import('./bootstrap/start.js')
  .then(({ start }) => start())
  .catch((error: unknown) => {
    // Without the second chunk nothing can load: say so instead of a skeleton forever.
    const card = document.querySelector('entity-score-card');
    if (card) card.startupError = new CrmError('WIDGET_NOT_LOADED', 'Part of the widget failed to load.');
    console.error('[entity-score-card] main: record -: WIDGET_NOT_LOADED', error);
  });
