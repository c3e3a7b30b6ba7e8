// Unit and component tests, run in real Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's chromium by default; CHROME_PATH points at any other build.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/unit/**/*.test.ts'],
  // The "development" condition loads Lit's dev build, so its warnings reach the tests.
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // --no-sandbox because CI runs as root; the rest keep Chromium off the network.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
};
