// The benchmark's floor: the least a widget can do to show a record's entity
// scores through the embedded-app SDK. It sends the host requests the widget
// sends, in the fewest round trips. Every request that depends on no response
// goes out on PageLoad, and the two REST calls go out as soon as the data
// centre is known. It then writes the rows as plain text and sets
// state="ready", which the benchmark watches on the widget's element as well.
'use strict';

(function () {
  var CONNECTION = 'entity_scores';
  var ORG_VARIABLE = 'entity_score_card_settings';
  var SCORE_FIELDS = [
    'Score',
    'Positive_Score',
    'Negative_Score',
    'Touch_Point_Score',
    'Touch_Point_Positive_Score',
    'Touch_Point_Negative_Score',
    'Scoring_Rule',
  ].join(',');
  // Data centre to the top-level domain of its REST host https://www.zohoapis.<tld>.
  var API_DOMAINS = { US: 'com', EU: 'eu', IN: 'in', AU: 'com.au', JP: 'jp', CN: 'com.cn', CA: 'ca', SA: 'sa' };

  function connectionGet(url, parameters) {
    return ZOHO.CRM.CONNECTION.invoke(CONNECTION, { url: url, method: 'GET', param_type: 1, parameters: parameters, headers: {} });
  }

  function restBody(envelope) {
    var body = envelope && envelope.details ? envelope.details.statusMessage : undefined;
    return typeof body === 'string' && body !== '' ? JSON.parse(body) : body;
  }

  function show(state, text) {
    var output = document.getElementById('scores');
    output.textContent = text;
    output.setAttribute('state', state);
  }

  function render(scoresEnvelope, rulesEnvelope) {
    var names = {};
    var rules = (restBody(rulesEnvelope) || {}).scoring_rules || [];
    rules.forEach(function (rule) {
      names[rule.id] = rule.name;
    });
    var rows = (restBody(scoresEnvelope) || {}).data || [];
    var lines = rows.map(function (row) {
      var ruleId = row.Scoring_Rule ? row.Scoring_Rule.id : '';
      return (names[ruleId] || ruleId) + ': ' + row.Score + ' (+' + row.Positive_Score + ' / ' + row.Negative_Score + ')';
    });
    show('ready', lines.join('\n'));
  }

  ZOHO.embeddedApp.on('PageLoad', function (payload) {
    var module = payload.Entity;
    var recordId = Array.isArray(payload.EntityId) ? payload.EntityId[0] : payload.EntityId;

    // The widget requests these in its first round too. The floor does not wait
    // for the org variable or the theme, because plain text needs neither.
    var user = ZOHO.CRM.CONFIG.getCurrentUser();
    ZOHO.CRM.API.getOrgVariable(ORG_VARIABLE).catch(function () {});
    ZOHO.CRM.CONFIG.getUserPreference().catch(function () {});

    ZOHO.CRM.CONFIG.GetCurrentEnvironment()
      .then(function (environment) {
        var base = 'https://www.zohoapis.' + API_DOMAINS[environment.deployment] + '/crm/v7';
        var scores = connectionGet(base + '/' + module + '/' + recordId + '/Entity_Scores__s', { fields: SCORE_FIELDS });
        var rules = connectionGet(base + '/settings/automation/scoring_rules', { module: module, page: '1', per_page: '50' });
        return Promise.all([scores, rules, user]);
      })
      .then(function (responses) {
        render(responses[0], responses[1]);
      })
      .catch(function (error) {
        show('error', 'Loading failed: ' + JSON.stringify(error));
      });
  });
  ZOHO.embeddedApp.init();
})();
