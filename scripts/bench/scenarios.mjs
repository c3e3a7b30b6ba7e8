// Scenario files for the benchmark, written to a temporary folder that the
// simulator reads after its built-in ones. Every scenario shows the same Lead
// with one scoring rule, taken from the shared sample fixtures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RECORD_ID = '487687600000038603';
/** Another Lead of the same module, opened after RECORD_ID in the same tab. */
export const NEXT_RECORD_ID = '487687600000038711';

/** Names of the scenarios `writeBenchScenarios` creates. */
export const scenarioName = {
  latency: (delayMs) => `bench-latency-${delayMs}`,
  orgVariable: 'bench-org-variable',
  delayedSdk: (withOrgVariable) => (withOrgVariable ? 'bench-delayed-sdk-org-variable' : 'bench-delayed-sdk'),
  locale: (tag) => `bench-locale-${tag}`,
};

/**
 * Delays of the host's SDK responses in the `delayedSdk` scenarios, in ms. A
 * request sent before a delayed response arrived did not wait for it. Each
 * delay differs, so a request sent just after a response probably waited for
 * that one. The user response comes last, after the data centre and the org variable.
 */
export const DELAYED_RESPONSE_MS = { environment: 200, preference: 250, orgVariable: 300, user: 400 };

/**
 * Writes the benchmark's scenarios into `dir`: one per REST latency, one with
 * the org variable set, two with delayed SDK responses and one per locale.
 * `latenciesMs` delay both REST responses (scores and rules). The host page
 * responds to the SDK's CONFIG calls at once, as CRM does from memory.
 */
export function writeBenchScenarios(dir, { fixturesDir, latenciesMs, locales }) {
  const scoresSample = JSON.parse(readFileSync(join(fixturesDir, 'entity-scores-sample.json'), 'utf8'));
  const rulesSample = JSON.parse(readFileSync(join(fixturesDir, 'scoring-rules-sample.json'), 'utf8'));

  // One row and its rule, so the loaded card is the one-rule card the layout figures describe.
  const row = scoresSample.data[0];
  const rule = rulesSample.scoring_rules.find((candidate) => candidate.id === row.Scoring_Rule.id);
  const scoresBody = { data: [row], info: { ...scoresSample.info, count: 1 } };
  const rulesBody = { scoring_rules: [rule], info: { ...rulesSample.info, count: 1 } };

  const scenario = (description, { delayMs = 0, ...extra } = {}) => ({
    description,
    pageLoad: { Entity: 'Leads', EntityId: RECORD_ID },
    preference: { mode: 'day' },
    scores: { status: 200, body: scoresBody, ...(delayMs > 0 ? { delayMs } : {}) },
    rules: { status: 200, body: rulesBody, ...(delayMs > 0 ? { delayMs } : {}) },
    ...extra,
  });

  const files = {};
  for (const delayMs of latenciesMs) {
    files[scenarioName.latency(delayMs)] = scenario(`Benchmark: one rule, REST responses after ${delayMs} ms.`, { delayMs });
  }
  // "{}" is a valid override that changes nothing, so only the caching differs.
  files[scenarioName.orgVariable] = scenario('Benchmark: one rule, org variable set to {}.', { orgVariable: {} });
  // A {value} directive is sent exactly as it is, so the user carries the {users: […]} wrapper itself.
  const user = { id: '4876876000000225013', full_name: 'Patricia Boyle', locale: 'en_US', language: 'en', time_zone: 'America/New_York' };
  for (const withOrgVariable of [false, true]) {
    files[scenarioName.delayedSdk(withOrgVariable)] = scenario(
      `Benchmark: one rule, SDK responses delayed, org variable ${withOrgVariable ? 'set to {}' : 'missing'}.`,
      {
        environment: { value: { deployment: 'US' }, delayMs: DELAYED_RESPONSE_MS.environment },
        user: { value: { users: [user] }, delayMs: DELAYED_RESPONSE_MS.user },
        preference: { value: { mode: 'day' }, delayMs: DELAYED_RESPONSE_MS.preference },
        orgVariable: withOrgVariable
          ? { value: { Success: { Content: '{}' } }, delayMs: DELAYED_RESPONSE_MS.orgVariable }
          : { reject: { code: 'INVALID_DATA', message: 'No org variable named entity_score_card_settings' }, delayMs: DELAYED_RESPONSE_MS.orgVariable },
      },
    );
  }
  for (const tag of locales) {
    // CRM writes user locales with an underscore, e.g. pt_BR.
    const locale = tag.replace('-', '_');
    files[scenarioName.locale(tag)] = scenario(`Benchmark: one rule, user locale ${locale}.`, { user: { locale } });
  }

  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(content, null, 2)}\n`);
  }
  return Object.keys(files);
}
