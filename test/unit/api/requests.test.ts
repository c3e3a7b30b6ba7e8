import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { restBaseUrl } from '../../../widget-src/api/request.js';
import { buildRulesRequest } from '../../../widget-src/api/rules-request.js';
import { buildScoresRequest, scoresScopes, SCORES_FIELDS_PARAM } from '../../../widget-src/api/scores-request.js';
import { describe, it, thrown } from './harness.js';

const base = 'https://www.zohoapis.eu/crm/v7';

describe('request building', () => {
  it('builds the scores request with all seven fields', () => {
    expect(buildScoresRequest(base, { module: 'Leads', recordId: '4876876000002768054' })).to.deep.equal({
      url: 'https://www.zohoapis.eu/crm/v7/Leads/4876876000002768054/Entity_Scores__s',
      method: 'GET',
      param_type: 1,
      parameters: {
        fields:
          'Positive_Score,Negative_Score,Touch_Point_Score,Touch_Point_Positive_Score,Touch_Point_Negative_Score,Score,Scoring_Rule',
      },
      headers: {},
    });
    expect(SCORES_FIELDS_PARAM.split(',')).to.have.length(7);
  });

  it('adds page_token on later pages', () => {
    const request = buildScoresRequest(base, { module: 'Deals', recordId: '1' }, 'tok+en/2');
    expect(request.parameters).to.deep.equal({ fields: SCORES_FIELDS_PARAM, page_token: 'tok+en/2' });
  });

  it('encodes each path segment', () => {
    const request = buildScoresRequest(base, { module: 'My Module/../x', recordId: '12?a=b#' });
    expect(request.url).to.equal('https://www.zohoapis.eu/crm/v7/My%20Module%2F..%2Fx/12%3Fa%3Db%23/Entity_Scores__s');
  });

  it('names the scopes of the scores request for its module', () => {
    expect(scoresScopes('Applications1')).to.deep.equal(['ZohoCRM.modules.entity_scores.READ', 'ZohoCRM.modules.Applications1.READ']);
  });

  it('builds the rules request', () => {
    expect(buildRulesRequest(base, 'Leads', 2)).to.deep.equal({
      url: 'https://www.zohoapis.eu/crm/v7/settings/automation/scoring_rules',
      method: 'GET',
      param_type: 1,
      parameters: { module: 'Leads', page: '2', per_page: '50' },
      headers: {},
    });
  });

  it('joins host and version, without a doubled slash', () => {
    expect(restBaseUrl('https://www.zohoapis.com', 'v7')).to.equal('https://www.zohoapis.com/crm/v7');
    expect(restBaseUrl('https://www.zohoapis.com/', 'v8')).to.equal('https://www.zohoapis.com/crm/v8');
  });

  for (const version of ['7', 'V7', 'v7/..', 'v', '', 'v7 ', 'v7?x=1']) {
    it(`refuses the API version ${JSON.stringify(version)}`, () => {
      const error = thrown(() => restBaseUrl('https://www.zohoapis.com', version));
      expect(error).to.be.instanceOf(CrmError);
      expect((error as CrmError).code).to.equal('INVALID_SETTING');
      expect((error as CrmError).details.setting).to.equal('apiVersion');
    });
  }
});
