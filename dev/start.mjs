// `npm start`: starts the CRM simulator, builds the widget, then serves until Ctrl+C or SIGTERM.
// Options (flags win over environment variables):
//   --port N / PORT                 host origin port, default 8080
//   --widget-port N / WIDGET_PORT   widget origin port, default PORT + 1
//   --scenarios DIR / SCENARIOS_DIR extra scenario folder (flag may repeat; env takes a path list)
//   --sdk-file PATH / SDK_FILE      serve this copy of ZohoEmbededAppSDK.min.js instead of the stand-in
//   --skip-build                    serve app/build/ as it is
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ListenError, startSimulator } from './server.mjs';

const MAX_PORT = 65535;
const CLOSE_TIMEOUT_MS = 5000;
const PARENT_POLL_MS = 500;
const IS_WINDOWS = process.platform === 'win32';

let options;
try {
  options = parseArgs({
    options: {
      port: { type: 'string' },
      'widget-port': { type: 'string' },
      scenarios: { type: 'string', multiple: true },
      'sdk-file': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  exitWithError(`${error.message}. Run "node dev/start.mjs --help" for the options.`);
}
const { values } = options;

if (values.help) {
  console.log(`Usage: npm start -- [--port N] [--widget-port N] [--scenarios DIR]... [--sdk-file PATH] [--skip-build]
  --port N          host origin port (env PORT, default 8080; 0 picks a free port)
  --widget-port N   widget origin port (env WIDGET_PORT, default port + 1)
  --scenarios DIR   extra folder of scenario JSON files (env SCENARIOS_DIR, paths separated by "${delimiter}")
  --sdk-file PATH   serve this ZohoEmbededAppSDK.min.js in place of the stand-in (env SDK_FILE)
  --skip-build      do not run "npm run build" first`);
  process.exit(0);
}

const hostPort = parsePort(values.port ?? process.env.PORT, 'PORT (--port)', 8080);
const widgetPort = parsePort(values['widget-port'] ?? process.env.WIDGET_PORT, 'WIDGET_PORT (--widget-port)', hostPort === 0 ? 0 : hostPort + 1);
if (widgetPort > MAX_PORT) {
  exitWithError(
    `PORT=${hostPort} leaves no port for the widget origin, which defaults to PORT + 1 = ${widgetPort}. ` +
      `Set PORT to at most ${MAX_PORT - 1}, or set WIDGET_PORT.`,
  );
}
if (widgetPort === hostPort && hostPort !== 0) {
  exitWithError(`PORT and WIDGET_PORT are both ${hostPort}, but the two origins need different ports. Set WIDGET_PORT to another port.`);
}

const scenarioDirs = (values.scenarios ?? (process.env.SCENARIOS_DIR ? process.env.SCENARIOS_DIR.split(delimiter) : []))
  .filter(Boolean)
  .map((dir) => resolve(dir));
const sdkFile = values['sdk-file'] ?? process.env.SDK_FILE;

for (const dir of scenarioDirs) {
  if (!existsSync(dir)) exitWithError(`Scenario folder ${dir} does not exist (from --scenarios or SCENARIOS_DIR).`);
}
if (sdkFile && !existsSync(sdkFile)) exitWithError(`SDK file ${sdkFile} does not exist (from --sdk-file or SDK_FILE).`);

let simulator;
let build;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
if (process.env.npm_lifecycle_event) stopWhenParentExits();

// The servers start before the build, so a busy port is reported at once, not after a long build.
try {
  simulator = await startSimulator({ hostPort, widgetPort, scenarioDirs, sdkFile: sdkFile && resolve(sdkFile) });
} catch (error) {
  if (error instanceof ListenError) exitWithError(`Cannot start the CRM simulator: ${error.message}. ${remedyFor(error)}`);
  throw error;
}

if (!values['skip-build'] && !stopping) {
  console.log('Building the widget (npm run build)…');
  const built = await runBuild();
  if (!built && !stopping) {
    // Serve anyway: the probe page and the scenarios stay usable while the widget is broken.
    console.error('\nThe build failed; serving the last app/build/ output, if any. Fix the build and reload.\n');
  }
}

if (!stopping) {
  console.log(`CRM simulator: ${simulator.hostUrl}`);
  console.log(`  widget origin ${simulator.widgetOrigin}, SDK ${sdkFile ? resolve(sdkFile) : 'stand-in (dev/sdk-standin.js)'}`);
  console.log(`  protocol probe without the widget: ${simulator.hostUrl}?widget=probe`);
}

// Runs `npm run build` without blocking, so the servers keep serving and signals are handled meanwhile.
// Resolves with true when the build succeeded.
function runBuild() {
  return new Promise((resolveBuild) => {
    // The build gets its own process group, so stop() can end the whole group:
    // npm runs the script through a shell, which does not pass SIGTERM on to rollup.
    build = spawn('npm', ['run', 'build'], { stdio: 'inherit', detached: !IS_WINDOWS, shell: IS_WINDOWS });
    build.once('error', (error) => {
      console.error(`Cannot run "npm run build": ${error.message}`);
      build = undefined;
      resolveBuild(false);
    });
    build.once('exit', (code) => {
      build = undefined;
      resolveBuild(code === 0);
    });
  });
}

async function stop(reason) {
  if (stopping) {
    // A second Ctrl+C: stop waiting for the servers to close.
    signalBuild('SIGKILL');
    process.exit(1);
  }
  stopping = true;
  console.log(`Stopping the CRM simulator (${reason}).`);
  setTimeout(() => {
    console.error(`The servers did not close within ${CLOSE_TIMEOUT_MS} ms; exiting anyway.`);
    process.exit(1);
  }, CLOSE_TIMEOUT_MS);

  const buildExited = build ? once(build, 'exit') : undefined;
  signalBuild('SIGTERM');
  await Promise.all([buildExited, simulator?.close()]);
  process.exit(0);
}

function signalBuild(signal) {
  if (!build) return;
  try {
    if (IS_WINDOWS) build.kill(signal);
    else process.kill(-build.pid, signal);
  } catch (error) {
    // ESRCH: the build has just ended on its own.
    if (error.code !== 'ESRCH') throw error;
  }
}

// `npm start` runs this file through `sh -c`. Debian's sh (dash) does not pass on the
// SIGTERM that npm forwards to it, so the shell exits and this process would keep
// serving as an orphan. Under npm, the shell's exit therefore stops the simulator.
function stopWhenParentExits() {
  const parentPid = process.ppid;
  const timer = setInterval(() => {
    if (!isRunning(parentPid)) void stop(`parent process ${parentPid} exited`);
  }, PARENT_POLL_MS);
  timer.unref();
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM';
  }
}

function remedyFor(error) {
  const setting = error.origin === 'host' ? 'PORT (--port)' : 'WIDGET_PORT (--widget-port), which defaults to PORT + 1,';
  if (error.code === 'EADDRINUSE') return `Stop the program that uses it, or set ${setting} to a free port.`;
  if (error.code === 'EACCES') return `Set ${setting} to a port above 1023.`;
  return `Set ${setting} to another port.`;
}

function parsePort(text, name, fallback) {
  if (text === undefined || text === '') return fallback;
  const port = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(port >= 0 && port <= MAX_PORT)) exitWithError(`${name} is "${text}", which is not a valid port number (0 to ${MAX_PORT}).`);
  return port;
}

function exitWithError(message) {
  console.error(message);
  process.exit(1);
}
