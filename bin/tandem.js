#!/usr/bin/env node
// `npx tandem <command>`: the command line of Tandem, in TypeScript run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/tandem.ts');
