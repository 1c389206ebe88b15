import { defineConfig } from 'vitest/config';
import { edgeRuntimeProjects } from './vitest.edge.ts';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', ...edgeRuntimeProjects],
  },
});
