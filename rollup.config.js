// Builds the widget into app/build/: one minified ES entry on Lit's production
// build, plus one chunk per non-English locale that loads on demand.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplates from './scripts/minify-templates.mjs';

export default {
  input: 'widget-src/main.ts',
  output: {
    dir: 'app/build',
    format: 'es',
    entryFileNames: 'score-card.js',
    chunkFileNames: '[name].js',
    // No source maps: zet rejects .map files in the package.
    sourcemap: false,
  },
  plugins: [
    // "development" is left out of the export conditions so Lit resolves to its
    // production build, which prints no dev-mode warnings and is smaller.
    nodeResolve({ exportConditions: ['browser', 'import', 'default'] }),
    // esbuild reads tsconfig.json, so experimentalDecorators and
    // useDefineForClassFields: false apply here as in the tests.
    esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify: false }),
    minifyTemplates(),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
