// Runs in: Node (CLI). Owns: `storebridge privacy erase|access|audit|policies`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { printTable, UsageError, type Output } from '../output.js';

export const privacyHelp = `storebridge privacy <command>
  erase <email> [--bigcommerce]       erase the person on every connected platform (and in BigCommerce when asked),
                                      scrub local copies, suppress them from future syncs; prints a receipt per system
  access <email> [--out FILE]         everything the workspace holds about the person, as JSON
  audit                               past erase requests: a salted hash and receipts, no personal data
  policies                            list anonymisation policies
  policies add --name N --store ID --older-than-days D [--every-days E]
                                      rule: subscriber without customer account and no valid consent, older than D days
  policies preview <id|name>          who the policy would anonymise now
  policies run <id|name>              erase them now
  policies remove <id|name>`;

export async function privacyCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      bigcommerce: { type: 'boolean' },
      out: { type: 'string' },
      name: { type: 'string' },
      store: { type: 'string' },
      'older-than-days': { type: 'string' },
      'every-days': { type: 'string' },
    },
  });
  const { privacy } = ws;
  switch (sub) {
    case 'erase': {
      const email = positionals[0];
      if (!email) throw new UsageError('privacy erase needs an email');
      const r = await privacy.erase(email, { bigcommerce: values.bigcommerce === true });
      if (o.json) return (o.out(JSON.stringify({ ...r, exportedFiles: r.exportedFiles })), 0);
      o.out(`Erase request ${r.requestId} (subject ${r.subjectHash.slice(0, 12)}…)`);
      printTable(o, r.receipts, [
        ['SYSTEM', (x) => x.system],
        ['OUTCOME', (x) => x.outcome],
        ['DETAIL', (x) => x.detail],
      ]);
      for (const f of r.exportedFiles)
        o.out(`Exported file that holds the person (delete or redact it): ${f.path}`);
      for (const t of r.remaining)
        o.out(`Still present after the scrub: ${t.db}.${t.table} (${t.rows} rows)`);
      if (!r.walTruncated)
        o.out('The write-ahead log could not be truncated (another process has it open); run again later.');
      return r.receipts.some((x) => x.outcome === 'failed') || r.remaining.length ? 1 : 0;
    }
    case 'access': {
      const email = positionals[0];
      if (!email) throw new UsageError('privacy access needs an email');
      const text = JSON.stringify(await privacy.access(email), null, 2);
      if (values.out) {
        writeFileSync(values.out, text, { mode: 0o600 });
        o.out(o.json ? JSON.stringify({ file: values.out }) : `Written to ${values.out}`);
      } else o.out(text);
      return 0;
    }
    case 'audit': {
      const a = privacy.audit();
      if (o.json) return (o.out(JSON.stringify(a)), 0);
      printTable(o, a, [
        ['REQUEST', (r) => r.id],
        ['SUBJECT', (r) => r.subjectHash.slice(0, 12)],
        ['AT', (r) => new Date(r.requestedAt).toISOString()],
        ['RECEIPTS', (r) => r.receipts.map((x) => `${x.system}: ${x.outcome}`).join('; ')],
      ]);
      return 0;
    }
    case 'policies':
      return policies(privacy, o, positionals, values);
    default:
      throw new UsageError(privacyHelp);
  }
}

type Privacy = Workspace['privacy'];

async function policies(
  privacy: Privacy,
  o: Output,
  [action, id]: string[],
  v: { name?: string; store?: string; 'older-than-days'?: string; 'every-days'?: string },
): Promise<number> {
  const need = (x: string | undefined, what: string): string => {
    if (!x) throw new UsageError(`privacy policies ${action} needs ${what}`);
    return x;
  };
  switch (action ?? 'list') {
    case 'list':
      printTable(o, privacy.policies.list(), [
        ['ID', (p) => p.id],
        ['NAME', (p) => p.name],
        ['STORE', (p) => p.storeId],
        ['OLDER THAN', (p) => `${p.olderThanDays} d`],
        ['EVERY', (p) => `${p.everyDays} d`],
      ]);
      return 0;
    case 'add': {
      const days = Number(need(v['older-than-days'], '--older-than-days D'));
      const every = Number(v['every-days'] ?? '1');
      if (!Number.isInteger(days) || days < 1 || !Number.isInteger(every) || every < 1)
        throw new UsageError('--older-than-days and --every-days must be whole numbers of at least 1');
      const p = privacy.policies.add(
        {
          name: need(v.name, '--name N'),
          storeId: need(v.store, '--store ID'),
          rule: 'subscriber_without_customer_no_consent',
          olderThanDays: days,
          everyDays: every,
        },
        Date.now(),
      );
      o.out(o.json ? JSON.stringify(p) : `Added policy "${p.name}" (${p.id}).`);
      return 0;
    }
    case 'preview': {
      const r = privacy.previewPolicy(need(id, '<id|name>'));
      o.out(
        o.json
          ? JSON.stringify(r)
          : `${r.affected.length} people would be anonymised:\n${r.affected.join('\n')}`,
      );
      return 0;
    }
    case 'run': {
      const r = await privacy.runPolicy(need(id, '<id|name>'));
      o.out(
        o.json
          ? JSON.stringify({ erased: r.erased.map((e) => e.requestId) })
          : `Erased ${r.erased.length} people.`,
      );
      return 0;
    }
    case 'remove':
      privacy.policies.remove(need(id, '<id|name>'));
      return 0;
    default:
      throw new UsageError(privacyHelp);
  }
}
