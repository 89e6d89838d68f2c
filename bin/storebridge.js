#!/usr/bin/env node
// The `storebridge` command: runs the TypeScript CLI through tsx (no separate build step for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/index.ts');
