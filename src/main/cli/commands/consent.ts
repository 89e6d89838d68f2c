// Runs in: Node (CLI). Owns: `storebridge consent show|pull|report|reconcile|impact`.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { printTable, UsageError, type Output } from '../output.js';

export const consentHelp = `storebridge consent <command>
  show <email> --store ID            the person's consent: the verdict, and the last state per system with provenance
  pull [--store ID]                  pull opt-outs from every connection that can report them into the ledger
  report --store ID                  people whose state on BigCommerce or a platform disagrees with the ledger
  reconcile --store ID [--apply]     preview what reconciling would change; --apply writes BigCommerce and queues
                                     the platforms through the normal sync
  impact --store ID --connection ID  before a historical sync: contacts created, subscribed, staying unsubscribed,
                                     double opt-in emails`;

const when = (ms: number) => new Date(ms).toISOString();

export async function consentCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { store: { type: 'string' }, connection: { type: 'string' }, apply: { type: 'boolean' } },
  });
  const store = (): string => {
    if (!values.store)
      throw new UsageError(`consent ${sub} needs --store ID (see \`storebridge stores list\`)`);
    return values.store;
  };
  const { consent } = ws;
  switch (sub) {
    case 'show': {
      const email = positionals[0];
      if (!email) throw new UsageError('consent show needs an email');
      const p = consent.show(store(), email);
      if (o.json) return (o.out(JSON.stringify(p)), 0);
      const d = p.effective.decidedBy;
      o.out(`${p.email}: ${p.effective.state}${d ? ` (${d.mechanism}, ${d.source}, ${when(d.at)})` : ''}`);
      printTable(o, Object.entries(p.bySource), [
        ['SYSTEM', ([k]) => k],
        ['STATE', ([, v]) => v.state],
        ['EXPLICIT', ([, v]) => (v.explicit ? 'yes' : 'no')],
        ['AT', ([, v]) => when(v.at)],
        ['HOW', ([, v]) => v.mechanism],
      ]);
      return 0;
    }
    case 'pull': {
      const r = await consent.pull(values.store ? { storeId: values.store } : {});
      printTable(o, r, [
        ['CONNECTION', (x) => x.connectionId],
        ['PLATFORM', (x) => x.platform],
        ['FACTS', (x) => String(x.facts)],
        ['NEW', (x) => String(x.recorded)],
        ['ERROR', (x) => x.error ?? ''],
      ]);
      return r.some((x) => x.error) ? 1 : 0;
    }
    case 'report': {
      printTable(o, consent.report(store()), [
        ['EMAIL', (m) => m.email],
        ['VERDICT', (m) => m.effective],
        ['DISAGREE', (m) => m.systems.map((s) => `${s.system}=${s.state}`).join(', ')],
      ]);
      return 0;
    }
    case 'reconcile': {
      if (!values.apply) {
        printTable(o, consent.preview(store()), [
          ['EMAIL', (a) => a.email],
          ['SYSTEM', (a) => a.system],
          ['TO', (a) => a.to],
          ['WHAT', (a) => a.detail],
        ]);
        return 0;
      }
      const r = await consent.apply(store());
      printTable(o, r.done, [
        ['EMAIL', (a) => a.email],
        ['SYSTEM', (a) => a.system],
        ['TO', (a) => a.to],
        ['OUTCOME', (a) => a.outcome + (a.error ? `: ${a.error}` : '')],
      ]);
      return r.done.some((a) => a.outcome === 'failed') ? 1 : 0;
    }
    case 'impact': {
      if (!values.connection) throw new UsageError('consent impact needs --connection ID');
      const r = await consent.impact(store(), values.connection);
      o.out(o.json ? JSON.stringify(r) : r.summary);
      return 0;
    }
    default:
      throw new UsageError(consentHelp);
  }
}
