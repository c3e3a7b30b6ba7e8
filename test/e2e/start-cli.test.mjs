// Tests of `dev/start.mjs` as a command: how it reports bad ports, and that it
// stops, with its build, on SIGTERM or SIGINT. No browser is needed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START = join(ROOT, 'dev', 'start.mjs');
const WAIT_MS = 10000;
const POLL_MS = 50;

const workDir = mkdtempSync(join(tmpdir(), 'entity-score-start-'));
const children = [];

after(() => {
  // A failed test may leave a simulator running; end the process groups the tests started.
  for (const child of children) stopGroup(child);
  rmSync(workDir, { recursive: true, force: true });
});

/** Spawns `command` in its own process group and collects its output. */
function run(command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  children.push(child);
  child.output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (child.output.stdout += chunk));
  child.stderr.on('data', (chunk) => (child.output.stderr += chunk));
  child.exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  return child;
}

function startCommand(args, env) {
  return run(process.execPath, [START, ...args], env);
}

function stopGroup(child) {
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

async function waitFor(condition, description) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    assert.ok(Date.now() < deadline, `${description} within ${WAIT_MS} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

async function exitOf(child) {
  const timeout = new Promise((done) => setTimeout(() => done('timed out'), WAIT_MS));
  const result = await Promise.race([child.exited, timeout]);
  assert.notEqual(result, 'timed out', `the command exits within ${WAIT_MS} ms; output: ${child.output.stdout}${child.output.stderr}`);
  return result;
}

async function waitForUrl(child) {
  await waitFor(() => /CRM simulator: (\S+)/.test(child.output.stdout), `the start message appears (output: ${child.output.stderr})`);
  return /CRM simulator: (\S+)/.exec(child.output.stdout)[1];
}

async function isServing(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

// A zombie has ended but is not reaped yet, so it counts as stopped.
function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  return !/\) Z /.test(readFileSync(stat, 'utf8'));
}

async function takePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function assertOneLine(stderr, pattern) {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
}

test('start reports a taken host port', async () => {
  const server = await takePort();
  try {
    const { port } = server.address();
    const child = startCommand(['--skip-build'], { PORT: String(port) });
    const { code } = await exitOf(child);
    assert.equal(code, 1);
    assertOneLine(child.output.stderr, new RegExp(`host origin port ${port} .*already in use.*set PORT`));
  } finally {
    server.close();
  }
});

test('start reports a taken widget port', async () => {
  const server = await takePort();
  try {
    const { port } = server.address();
    const child = startCommand(['--skip-build'], { PORT: '0', WIDGET_PORT: String(port) });
    const { code } = await exitOf(child);
    assert.equal(code, 1);
    assertOneLine(child.output.stderr, new RegExp(`widget origin port ${port} .*already in use.*set WIDGET_PORT`));
  } finally {
    server.close();
  }
});

const badPorts = [
  ['no room for widget port', { PORT: '65535' }, /PORT=65535 leaves no port for the widget origin.*65536.*WIDGET_PORT/],
  ['port above range', { PORT: '70000' }, /PORT \(--port\) is "70000", which is not a valid port number/],
  ['port as text', { PORT: 'eighty' }, /PORT \(--port\) is "eighty", which is not a valid port number/],
  ['widget port above range', { PORT: '0', WIDGET_PORT: '65536' }, /WIDGET_PORT \(--widget-port\) is "65536"/],
  ['one port for both', { PORT: '8480', WIDGET_PORT: '8480' }, /PORT and WIDGET_PORT are both 8480/],
];

for (const [name, env, message] of badPorts) {
  test(`start rejects ${name}`, async () => {
    const child = startCommand(['--skip-build'], env);
    const { code } = await exitOf(child);
    assert.equal(code, 1);
    assertOneLine(child.output.stderr, message);
  });
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`start stops on ${signal}`, async () => {
    const child = startCommand(['--skip-build'], { PORT: '0' });
    const hostUrl = await waitForUrl(child);
    assert.ok(await isServing(hostUrl), 'the simulator serves before the signal');

    child.kill(signal);
    const { code } = await exitOf(child);
    assert.equal(code, 0);
    assert.match(child.output.stdout, new RegExp(`Stopping the CRM simulator \\(${signal}\\)`));
    assert.equal(await isServing(hostUrl), false, 'the port is closed');
  });
}

test('start stops with npm start', { skip: process.platform === 'win32' && 'uses POSIX process groups' }, async () => {
  // npm passes SIGTERM to the `sh -c` that runs the script, and that shell does
  // not pass it on, so the simulator must notice that the shell is gone.
  const npm = run('npm', ['start', '--', '--skip-build'], { PORT: '0' });
  const hostUrl = await waitForUrl(npm);

  npm.kill('SIGTERM');
  await exitOf(npm);
  await waitFor(async () => !(await isServing(hostUrl)), 'the simulator stops after npm');
});

test('start stops its build on SIGTERM', { skip: process.platform === 'win32' && 'uses a POSIX shell script' }, async () => {
  // Stands for `npm run build`: a shell whose child keeps running unless its whole process group is signalled.
  const binDir = join(workDir, 'bin');
  const pidFile = join(workDir, 'build.pid');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(join(binDir, 'npm'), '#!/bin/sh\nsleep 60 &\necho $! > "$BUILD_PID_FILE"\nwait\n');
  chmodSync(join(binDir, 'npm'), 0o755);

  const child = startCommand([], { PORT: '0', BUILD_PID_FILE: pidFile, PATH: `${binDir}${delimiter}${process.env.PATH}` });
  await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 'the build starts');
  const buildPid = Number(readFileSync(pidFile, 'utf8'));
  assert.ok(isRunning(buildPid), 'the build runs before the signal');

  child.kill('SIGTERM');
  const { code } = await exitOf(child);
  assert.equal(code, 0);
  await waitFor(() => !isRunning(buildPid), `build process ${buildPid} ends`);
});
