// `npm start`: builds the widget, then serves the CRM simulator until Ctrl+C.
// Options (flags win over environment variables):
//   --port N / PORT                 host origin port, default 8080
//   --widget-port N / WIDGET_PORT   widget origin port, default PORT + 1
//   --scenarios DIR / SCENARIOS_DIR extra scenario folder (flag may repeat; env takes a path list)
//   --sdk-file PATH / SDK_FILE      serve this copy of ZohoEmbededAppSDK.min.js instead of the stand-in
//   --skip-build                    serve app/build/ as it is
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'widget-port': { type: 'string' },
    scenarios: { type: 'string', multiple: true },
    'sdk-file': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm start -- [--port N] [--widget-port N] [--scenarios DIR]... [--sdk-file PATH] [--skip-build]
  --port N          host origin port (env PORT, default 8080)
  --widget-port N   widget origin port (env WIDGET_PORT, default port + 1)
  --scenarios DIR   extra folder of scenario JSON files (env SCENARIOS_DIR, paths separated by "${delimiter}")
  --sdk-file PATH   serve this ZohoEmbededAppSDK.min.js in place of the stand-in (env SDK_FILE)
  --skip-build      do not run "npm run build" first`);
  process.exit(0);
}

const hostPort = parsePort(values.port ?? process.env.PORT, 'PORT', 8080);
const widgetPort = parsePort(values['widget-port'] ?? process.env.WIDGET_PORT, 'WIDGET_PORT', undefined);
const scenarioDirs = (values.scenarios ?? (process.env.SCENARIOS_DIR ? process.env.SCENARIOS_DIR.split(delimiter) : []))
  .filter(Boolean)
  .map((dir) => resolve(dir));
const sdkFile = values['sdk-file'] ?? process.env.SDK_FILE;

for (const dir of scenarioDirs) {
  if (!existsSync(dir)) exitWithError(`Scenario folder ${dir} does not exist (from --scenarios or SCENARIOS_DIR).`);
}
if (sdkFile && !existsSync(sdkFile)) exitWithError(`SDK file ${sdkFile} does not exist (from --sdk-file or SDK_FILE).`);

if (!values['skip-build']) {
  console.log('Building the widget (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    // Serve anyway: the probe page and the scenarios stay usable while the widget is broken.
    console.error('\nThe build failed; serving the last app/build/ output, if any. Fix the build and reload.\n');
  }
}

const simulator = await startSimulator({ hostPort, widgetPort, scenarioDirs, sdkFile: sdkFile && resolve(sdkFile) });
console.log(`CRM simulator: ${simulator.hostUrl}`);
console.log(`  widget origin ${simulator.widgetOrigin}, SDK ${sdkFile ? resolve(sdkFile) : 'stand-in (dev/sdk-standin.js)'}`);
console.log(`  protocol probe without the widget: ${simulator.hostUrl}?widget=probe`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await simulator.close();
    process.exit(0);
  });
}

function parsePort(text, name, fallback) {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWithError(`${name}=${text} is not a valid port number (0 to 65535).`);
  return port;
}

function exitWithError(message) {
  console.error(message);
  process.exit(1);
}
