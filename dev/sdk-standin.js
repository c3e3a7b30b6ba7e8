/*
 * Stand-in for Zoho's ZohoEmbededAppSDK.min.js, served to the widget frame by the
 * simulator. It speaks the same postMessage protocol as SDK 1.2 and keeps its
 * quirks on purpose, because the widget has to survive them in CRM:
 * - one handler per event name, and only handlers registered before init() fire;
 * - CRM calls before the handshake throw synchronously instead of rejecting;
 * - no call ever times out;
 * - exceptions thrown by event handlers are swallowed (logged only with
 *   `isLogEnabled` or `isDevMode` in the frame's query string).
 * It implements only the calls the widget uses. A classic script: it defines the global ZOHO.
 */
(function () {
  'use strict';

  var queryParams = readQueryParams(window.location.href);
  var logEnabled = Boolean(queryParams.isLogEnabled || queryParams.isDevMode);

  var handlersByEvent = {};
  var activeHandlers = null;
  var initPromise = null;
  var resolveInit = null;

  var parentWindow = null;
  var uniqueID;
  var nextPromiseNumber = 100;
  var pending = {};

  // The SDK splits the query string by hand and decodes only serviceOrigin.
  function readQueryParams(href) {
    var params = {};
    href.substring(href.indexOf('?') + 1).split('&').forEach(function (pair) {
      var parts = pair.split('=');
      params[parts[0]] = parts[1];
    });
    if (Object.prototype.hasOwnProperty.call(params, 'serviceOrigin')) {
      params.serviceOrigin = decodeURIComponent(params.serviceOrigin);
    }
    return params;
  }

  function appOrigin() {
    return encodeURIComponent(window.location.protocol + '//' + window.location.host + window.location.pathname);
  }

  function logError() {
    if (logEnabled) console.error.apply(console, arguments);
  }

  // ------------------------------------------------------------ messages in

  function onMessage(event) {
    var message = event.data;
    if (typeof message === 'string') {
      try {
        message = JSON.parse(message);
      } catch (error) {
        // Not JSON: the SDK keeps the raw string, which has no type and is ignored below.
      }
    }
    if (!message || typeof message !== 'object') return;

    // NOTE: SDK 1.2 checks the sender only after SET_CONTEXT, and its check
    // returns a truthy Error object on a mismatch, so it accepts every sender.
    // The stand-in is just as trusting; the host page must do the filtering.
    try {
      if (message.type !== 'FRAMEWORK.EVENT') return;
      switch (message.eventName) {
        case 'SET_CONTEXT':
          handleSetContext(message.data);
          break;
        case 'UPDATE_CONTEXT':
          break;
        case 'EVENT_RESPONSE':
          settle(message.promiseid, true, message.data);
          break;
        case 'EVENT_RESPONSE_FAILURE':
          settle(message.promiseid, false, message.data);
          break;
        default:
          notifyHandlers(message.eventName, message.data);
      }
    } catch (error) {
      logError('[SDK.MessageHandler] =>', error && error.stack);
    }
  }

  function handleSetContext(data) {
    parentWindow = window.parent;
    // Reading uniqueID from a non-object throws, and the app then never registers.
    uniqueID = data.uniqueID;
    requestExtraScript();
  }

  // SDK 1.2+ requests an extra script URL from the host before init() resolves. A failure
  // response is normal. Without any response init() stays pending, but PageLoad still fires.
  function requestExtraScript() {
    send('ZDK_EVENT', { action: 'get_zdk_url' }).then(finishInit, finishInit);
  }

  function finishInit() {
    // NOTE: the real SDK loads the script at a returned URL; the simulator's host never returns one.
    if (resolveInit) resolveInit(undefined);
  }

  function settle(promiseId, succeeded, data) {
    var entry = pending[promiseId];
    if (!entry) return;
    delete pending[promiseId];
    if (succeeded) entry.resolve(data);
    else entry.reject(data);
  }

  function notifyHandlers(eventName, data) {
    var handler = activeHandlers && activeHandlers[eventName];
    if (typeof handler === 'function') handler.call({}, data);
  }

  // ------------------------------------------------------------ messages out

  function send(eventName, data) {
    var promiseId = 'Promise' + nextPromiseNumber++;
    var message = {
      type: 'SDK.EVENT',
      eventName: eventName,
      uniqueID: uniqueID,
      time: new Date().getTime(),
      promiseid: promiseId,
      data: data,
      appOrigin: appOrigin(),
    };

    // The counter has already moved on when this throws, as in the SDK.
    if (!parentWindow) throw new Error('Parentwindow reference not found.');
    parentWindow.postMessage(message, queryParams.serviceOrigin);

    return new Promise(function (resolve, reject) {
      pending[promiseId] = { resolve: resolve, reject: reject };
    });
  }

  function crmRequest(data) {
    if (!initPromise) {
      // Before init() the SDK has no instance yet and fails on a property read.
      throw new TypeError("Cannot read properties of undefined (reading 'getContext')");
    }
    data.sdkVersion = '1';
    return send('CRM_EVENT', data);
  }

  function config(type, nameSpace, apiData) {
    return crmRequest({ category: 'CONFIG', type: type, nameSpace: nameSpace, APIData: apiData });
  }

  // ------------------------------------------------------------ public API

  window.ZOHO = {
    embeddedApp: {
      on: function (eventName, handler) {
        handlersByEvent[eventName] = handler;
      },
      init: function () {
        if (initPromise) return initPromise;

        initPromise = new Promise(function (resolve) {
          resolveInit = resolve;
        });
        // Handlers are copied now: any registered later are never called.
        activeHandlers = {};
        Object.keys(handlersByEvent).forEach(function (name) {
          activeHandlers[name] = handlersByEvent[name];
        });

        window.addEventListener('message', onMessage);
        window.parent.postMessage({ type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: appOrigin() }, queryParams.serviceOrigin);
        return initPromise;
      },
    },

    CRM: {
      CONNECTION: {
        invoke: function (connectionName, request) {
          return crmRequest({
            category: 'CRM_CONNECTION',
            connectionName: connectionName,
            // Only these five keys are forwarded; parameters and headers go as JSON text.
            data: {
              data: {
                url: request.url,
                method: request.method,
                param_type: request.param_type,
                parameters: JSON.stringify(request.parameters),
                headers: JSON.stringify(request.headers),
              },
            },
          });
        },
      },
      CONFIG: {
        getCurrentUser: function () {
          return config('CURRENT_USER');
        },
        GetCurrentEnvironment: function () {
          return config('ORG_LEVEL_INFO');
        },
        getUserPreference: function () {
          return config('USER_PREFERENCE');
        },
        getOrgInfo: function () {
          return config('ORG');
        },
      },
      API: {
        getOrgVariable: function (name) {
          return config('VARIABLE', name);
        },
        getRecord: function (apiData) {
          return crmRequest({ category: 'READ', APIData: apiData });
        },
        getRelatedRecords: function (apiData) {
          return crmRequest({ category: 'READ', APIData: apiData });
        },
      },
      UI: {
        Resize: function (size) {
          return crmRequest({ category: 'UI', action: 'RESIZE', data: { width: size.width, height: size.height } });
        },
      },
    },
  };
})();
