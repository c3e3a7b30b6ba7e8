import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import type { CardData } from '../../../widget-src/model/types.js';
import { expectAccessible } from '../helpers/axe.js';
import { fakeLoader, LEAD, mountCard, settled, shadow, textOf } from './card-harness.js';
import { ALL_PARTS, makeCard, makeRule } from './card-data.js';

const signed = (value: number, locale = 'en'): string =>
  new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value);

async function renderReady(data: CardData, locale?: string): Promise<EntityScoreCard> {
  const { loader, calls } = fakeLoader();
  const card = await mountCard(locale === undefined ? { context: LEAD, loader } : { context: LEAD, loader, locale });
  calls[0]?.answer.resolve(data);
  await settled(card);
  return card;
}

function summaries(card: EntityScoreCard): string[] {
  return [...shadow(card).querySelectorAll('.rule > p.sr-only, .row > .sr-only')].map(textOf);
}

describe('entity-score-card rules', () => {
  it('shows score, band and parts', async () => {
    const card = await renderReady(makeCard([makeRule()]));
    const root = shadow(card);

    expect(textOf(root.querySelector('[part="score"]'))).to.equal(signed(42));
    expect(textOf(root.querySelector('[part="band"]'))).to.equal('Hot');
    expect(root.querySelector('[part="band"] svg')).to.exist;
    expect(textOf(root.querySelector('.parts'))).to.include(signed(50));
    expect(textOf(root.querySelector('.parts'))).to.include(signed(-8));
  });

  it('summarizes a rule in one sentence', async () => {
    const card = await renderReady(makeCard([makeRule()]));

    expect(summaries(card)).to.deep.equal([
      `Lead fit: Score ${signed(42)} (Hot), positive ${signed(50)}, negative ${signed(-8)}.`,
    ]);
  });

  it('formats numbers in the full locale', async () => {
    const card = await renderReady(makeCard([makeRule({ score: 12345 })]), 'de-DE');

    expect(textOf(shadow(card).querySelector('[part="score"]'))).to.equal(signed(12345, 'de-DE'));
  });

  it('shows a dash for missing values', async () => {
    const rule = makeRule({ score: null, positive: null, negative: 0, band: null });
    const card = await renderReady(makeCard([rule]));
    const root = shadow(card);
    const score = root.querySelector('[part="score"]');

    expect(score?.querySelector('[aria-hidden="true"]')?.textContent).to.equal('–');
    expect(textOf(score?.querySelector('.sr-only'))).to.equal('no value');
    expect(textOf(score)).not.to.match(/0|NaN/);
    expect(summaries(card)[0]).to.equal('Lead fit: Score no value, positive no value, negative 0.');
    expect(root.querySelector('.bar')).to.equal(null);
  });

  it('names rules without a name', async () => {
    const rules = [makeRule({ ruleName: null }), makeRule({ ruleName: null, ruleId: null })];
    const card = await renderReady(makeCard(rules));

    expect(textOf(shadow(card).querySelector('h2'))).to.equal('Scoring Rule 4876876000000400001');
    expect(textOf(shadow(card).querySelector('.row .name'))).to.equal('Scoring Rule');
  });

  it('renders markup in names as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const card = await renderReady(makeCard([makeRule({ ruleName: hostile, description: hostile })]));
    const root = shadow(card);

    expect(textOf(root.querySelector('h2'))).to.equal(hostile);
    expect(textOf(root.querySelector('details p'))).to.equal(hostile);
    expect(root.querySelector('img')).to.equal(null);
  });

  it('shows custom band labels', async () => {
    const band = { id: 'vip', label: 'Top account', min: 90, tone: 'warm' as const };
    const card = await renderReady(makeCard([makeRule({ band })]));
    const chip = shadow(card).querySelector('[part="band"]');

    expect(textOf(chip)).to.equal('Top account');
    expect(chip?.classList.contains('warm')).to.equal(true);
  });

  it('draws a different icon per tone', async () => {
    const tones = ['hot', 'warm', 'cold'] as const;
    const rules = tones.map((tone) => makeRule({ band: { id: tone, min: null, tone } }));
    const card = await renderReady(makeCard(rules));
    const chips = [...shadow(card).querySelectorAll('[part="band"]')];
    const icons = new Set(chips.map((chip) => chip.querySelector('svg')?.innerHTML));

    expect(chips).to.have.length(3);
    expect(icons.size).to.equal(3);
  });

  it('shows touch points when present', async () => {
    const rule = makeRule({ touchPoint: 3, touchPointPositive: 4, touchPointNegative: null });
    const card = await renderReady(makeCard([rule]));
    const touch = shadow(card).querySelector('.touch');

    expect(textOf(touch)).to.include('Touch Point score');
    expect(textOf(touch)).to.include(signed(3));
    expect(textOf(touch)).to.include('no value');
  });

  it('hides touch points when all are null', async () => {
    const card = await renderReady(makeCard([makeRule()]));

    expect(shadow(card).querySelector('.touch')).to.equal(null);
  });

  it('respects the display options', async () => {
    const rule = makeRule({ touchPoint: 3, description: 'Fit of the lead to our profile' });
    const display = { bands: false, breakdown: false, touchPoints: false, descriptions: false };
    const card = await renderReady(makeCard([rule], { display }));
    const root = shadow(card);

    expect(root.querySelector('[part="band"]')).to.equal(null);
    expect(root.querySelector('.bar')).to.equal(null);
    expect(root.querySelector('.touch')).to.equal(null);
    expect(root.querySelector('details')).to.equal(null);
    expect(summaries(card)[0]).not.to.include('Hot');
  });

  it('marks an inactive rule', async () => {
    const card = await renderReady(makeCard([makeRule({ active: false })]));

    expect(textOf(shadow(card).querySelector('.inactive'))).to.equal('Inactive: this score no longer updates');
  });

  it('opens the description on click', async () => {
    const card = await renderReady(makeCard([makeRule({ description: 'Fit of the lead to our profile' })]));
    const details = shadow(card).querySelector('details');

    expect(details?.open).to.equal(false);
    details?.querySelector('summary')?.click();
    expect(details?.open).to.equal(true);
    expect(textOf(details)).to.include('Fit of the lead to our profile');
    await expectAccessible(card);
  });

  it('splits the bar by the parts', async () => {
    const card = await renderReady(makeCard([makeRule({ positive: 30, negative: -10 })]), undefined);
    const root = shadow(card);
    const positive = root.querySelector<HTMLElement>('.bar .pos');
    const negative = root.querySelector<HTMLElement>('.bar .neg');
    const positiveWidth = positive?.getBoundingClientRect().width ?? 0;
    const negativeWidth = negative?.getBoundingClientRect().width ?? 0;

    expect(positiveWidth / negativeWidth).to.be.closeTo(3, 0.1);
  });

  it('shows secondary rules as rows', async () => {
    const rules = [makeRule(), makeRule({ ruleName: 'Engagement', score: 7, band: { id: 'cold', min: null, tone: 'cold' } })];
    const card = await renderReady(makeCard(rules));
    const root = shadow(card);
    const row = root.querySelector<HTMLButtonElement>('.row');

    expect(root.querySelectorAll('h2')).to.have.length(1);
    expect(row?.getAttribute('aria-expanded')).to.equal('false');
    expect(textOf(row?.querySelector('.name'))).to.equal('Engagement');
    expect(textOf(row?.querySelector('.score'))).to.equal(signed(7));
    expect(textOf(row?.querySelector('[part="band"]'))).to.equal('Cold');
    expect(summaries(card)[1]).to.equal(
      `Engagement: Score ${signed(7)} (Cold), positive ${signed(50)}, negative ${signed(-8)}.`,
    );
    expect(root.querySelector(`#${row?.getAttribute('aria-controls') ?? 'none'}`)?.hasAttribute('hidden')).to.equal(true);
    await expectAccessible(card);
  });

  it('expands a row with the keyboard', async () => {
    const rules = [makeRule(), makeRule({ ruleName: 'Engagement', positive: 11 })];
    const card = await renderReady(makeCard(rules));
    const root = shadow(card);
    const row = root.querySelector<HTMLButtonElement>('.row');

    row?.focus();
    await sendKeys({ press: 'Enter' });
    await card.updateComplete;

    const details = root.querySelector(`#${row?.getAttribute('aria-controls') ?? 'none'}`);
    expect(row?.getAttribute('aria-expanded')).to.equal('true');
    expect(details?.hasAttribute('hidden')).to.equal(false);
    expect(textOf(details)).to.include(signed(11));
    expect(root.activeElement).to.equal(row);
    await expectAccessible(card);

    await sendKeys({ press: 'Space' });
    await card.updateComplete;
    expect(row?.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lists the admin notes', async () => {
    const notes: CardData['notes'] = [
      { kind: 'rules-unavailable', code: 'OAUTH_SCOPE_MISMATCH', scope: 'ZohoCRM.settings.scoring_rules.READ' },
      { kind: 'rules-unavailable', code: 'NO_PERMISSION' },
      { kind: 'invalid-setting', key: 'bands.default', problem: 'overlapping-bands' },
      { kind: 'invalid-setting', key: 'timeoutMs', problem: 'out-of-range', expected: 'integer from 1000 to 60000' },
    ];
    const card = await renderReady(makeCard([makeRule()], { notes }));
    const items = [...shadow(card).querySelectorAll('[part="notes"] li')].map(textOf);

    expect(items).to.deep.equal([
      'Rule names are unavailable (code OAUTH_SCOPE_MISMATCH). An admin can add the scope ZohoCRM.settings.scoring_rules.READ to the Connection.',
      'Rule names are unavailable (code NO_PERMISSION).',
      'Setting bands.default was ignored: bands overlap; the default applies.',
      'Setting timeoutMs was ignored: value out of range; the default applies. Expected: integer from 1000 to 60000.',
    ]);
    await expectAccessible(card);
  });

  it('shows notes in the empty state', async () => {
    const notes: CardData['notes'] = [{ kind: 'invalid-setting', key: '(org variable)', problem: 'invalid-json' }];
    const card = await renderReady(makeCard([], { notes }));

    expect(textOf(shadow(card).querySelector('[part="notes"]'))).to.include('not valid JSON');
  });

  it('accepts every display option on', async () => {
    const rule = makeRule({ touchPoint: 1, touchPointPositive: 2, touchPointNegative: -1, description: 'About', active: false });
    const card = await renderReady(makeCard([rule, makeRule({ ruleName: 'Second' })], { display: ALL_PARTS }));

    await expectAccessible(card);
  });
});
