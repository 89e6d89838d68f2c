// Runs in: main (Electron-free). Owns: the wizard's preview: a real record shown exactly as Connectif will
// receive it (method, path, body), from the same plan() the sync uses.
import type { PlanContext, StagedRecord } from '../../engine/connector.js';
import type { CfPayload } from './payloads.js';
import { planRecord } from './plan.js';
import type { ConnectifSettings } from './schemas.js';

export interface PreviewRequest {
  method: 'PATCH' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

export function requestOf(p: CfPayload, historical: boolean): PreviewRequest {
  const e = encodeURIComponent;
  switch (p.type) {
    case 'contact':
      return { method: 'PATCH', path: `/contacts/${e(p.email)}`, body: p.patch };
    case 'product':
      return { method: 'PATCH', path: `/products/product-id/${e(p.productId)}`, body: p.body };
    case 'purchase':
      return { method: 'POST', path: `/purchases/?triggerPurchaseEvent=${!historical}`, body: p.body };
    case 'purchase-removal':
      return { method: 'DELETE', path: `/purchases/purchase-id/${e(p.purchaseId)}` };
    case 'cart':
      return { method: 'POST', path: `/custom-events/alias/${e(p.alias)}?createContact=true`, body: p.body };
  }
}

export function preview(record: StagedRecord, ctx: PlanContext<ConnectifSettings>): PreviewRequest[] {
  return planRecord(record, ctx).map((j) => requestOf(j.payload as CfPayload, record.historical));
}
