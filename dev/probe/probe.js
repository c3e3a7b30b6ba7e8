// A minimal widget that exercises each SDK call the real widget makes, so the
// host page and the stand-in can be checked without building the widget.
// Results go to window.__probe and to the page as JSON.
(function () {
  'use strict';

  var probe = { beforeInit: null, beforeContext: null, pageLoads: [], lateHandlerCalls: 0, results: {}, done: false };
  window.__probe = probe;

  function show() {
    document.getElementById('probe-output').textContent = JSON.stringify(probe, null, 2);
  }

  function settle(name, promise) {
    return promise.then(
      function (value) {
        probe.results[name] = { resolved: value };
      },
      function (reason) {
        probe.results[name] = { rejected: reason };
      },
    );
  }

  // A CRM call before the handshake must throw synchronously, before and after init().
  function callTooEarly() {
    try {
      ZOHO.CRM.CONFIG.getCurrentUser();
      return 'no exception';
    } catch (error) {
      return error.message;
    }
  }
  probe.beforeInit = callTooEarly();

  ZOHO.embeddedApp.on('PageLoad', function (payload) {
    probe.pageLoads.push(payload);
    var record = payload && typeof payload === 'object' ? payload : {};
    var recordId = Array.isArray(record.EntityId) ? record.EntityId[0] : record.EntityId;

    settle('environment', ZOHO.CRM.CONFIG.GetCurrentEnvironment())
      .then(function () {
        var environment = probe.results.environment.resolved || {};
        var tlds = { US: 'com', EU: 'eu', IN: 'in', AU: 'com.au', JP: 'jp', CN: 'com.cn', CA: 'ca', SA: 'sa' };
        var apiHost = 'https://www.zohoapis.' + (tlds[environment.deployment] || 'com');
        return Promise.all([
          settle('user', ZOHO.CRM.CONFIG.getCurrentUser()),
          settle('preference', ZOHO.CRM.CONFIG.getUserPreference()),
          settle('orgVariable', ZOHO.CRM.API.getOrgVariable('entity_score_card_settings')),
          settle(
            'scores',
            ZOHO.CRM.CONNECTION.invoke('entity_scores', {
              url: apiHost + '/crm/v7/' + record.Entity + '/' + recordId + '/Entity_Scores__s',
              method: 'GET',
              param_type: 1,
              parameters: { fields: 'Score,Positive_Score,Negative_Score,Scoring_Rule' },
              headers: {},
            }),
          ),
          settle(
            'rules',
            ZOHO.CRM.CONNECTION.invoke('entity_scores', {
              url: apiHost + '/crm/v7/settings/automation/scoring_rules',
              method: 'GET',
              param_type: 1,
              parameters: { module: record.Entity, page: 1, per_page: 200 },
              headers: {},
            }),
          ),
          settle('resize', ZOHO.CRM.UI.Resize({ height: 240 })),
        ]);
      })
      .then(function () {
        probe.done = true;
        show();
      });
    show();
  });

  ZOHO.embeddedApp.init().then(function () {
    probe.initResolved = true;
    show();
  });
  probe.beforeContext = callTooEarly();

  // Registered after init(): the SDK never calls it, and the first handler keeps working.
  ZOHO.embeddedApp.on('PageLoad', function () {
    probe.lateHandlerCalls += 1;
  });
})();
