// Runs in: Node (`storebridge sandbox`). Owns: starting the simulators, printing one JSON line with their
// base URLs and credentials, and running until SIGTERM/SIGINT.
import { parseArgs } from 'node:util';
import { startSandbox } from './launch.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    customers: { type: 'string' },
    orders: { type: 'string' },
    products: { type: 'string' },
    quota: { type: 'string' },
    'window-ms': { type: 'string' },
    'bigcommerce-only': { type: 'boolean' },
    json: { type: 'boolean' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const sandbox = await startSandbox({
  ...(values.seed ? { seed: num(values.seed)! } : {}),
  ...(values.customers ? { customers: num(values.customers)! } : {}),
  ...(values.orders ? { orders: num(values.orders)! } : {}),
  ...(values.products ? { products: num(values.products)! } : {}),
  ...(values.quota ? { quota: num(values.quota)! } : {}),
  ...(values['window-ms'] ? { windowMs: num(values['window-ms'])! } : {}),
  ...(values['bigcommerce-only'] ? { bigcommerceOnly: true } : {}),
});
console.log(JSON.stringify(sandbox.description));
if (!values.json) console.error('Simulators running on 127.0.0.1. Stop with Ctrl+C.');
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
