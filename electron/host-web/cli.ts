import { openEngine } from '../core/engine';
import { createConfSettings } from '../core/settings/conf-settings';
import { createPgPort } from '../core/sync/pg/pg-port';
import { runHost } from './run-host';

// tsx electron/host-web/cli.ts [--port N] [--data-dir DIR] [--host 127.0.0.1] [--sync-url postgres://…]
await runHost(process.argv.slice(2), { openEngine, createSettings: createConfSettings, syncFactory: createPgPort });
