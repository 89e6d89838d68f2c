// Runs in: main (Electron-free). Owns: the shapes plan() queues and deliver() sends. They hold what
// ActiveCampaign needs already mapped (cents, dates, names), so a changed payload means a changed record.

export interface FieldValuePayload {
  field: string;
  value: string;
}

export interface ContactPayload {
  type: 'customer' | 'subscriber';
  storeId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  fieldValues: FieldValuePayload[];
  /** Customers get an e-commerce customer record keyed by this id; subscribers who are not customers don't. */
  customerExternalId?: string;
  /** true: subscribe to the list; false: the person is not (or no longer) subscribed in BigCommerce. */
  marketing?: boolean;
  /** When BigCommerce last changed the record (ISO): an unsubscribe here only wins over an older list status. */
  consentAt?: string;
}

export interface LinePayload {
  externalid: string;
  name: string;
  price: number;
  quantity: number;
  sku: string;
  category: string;
  productUrl: string;
  imageUrl: string;
}

export interface OrderPayload {
  type: 'order' | 'cart';
  storeId: string;
  /** BigCommerce order id; absent for a cart. */
  externalid?: string;
  /** The cart id: for carts, and for orders placed from a cart (marks it recovered). */
  externalcheckoutid?: string;
  email: string;
  firstName: string;
  lastName: string;
  guest: boolean;
  customerExternalId: string;
  marketing: boolean;
  totalPrice: number;
  shippingAmount: number;
  taxAmount: number;
  discountAmount: number;
  currency: string;
  orderNumber?: string;
  orderUrl: string;
  shippingMethod: string;
  externalCreatedDate: string;
  externalUpdatedDate: string;
  abandonedDate?: string;
  lines: LinePayload[];
  discounts: Array<{ name: string; type: 'order' | 'shipping'; discountAmount: number }>;
}

export interface RemoveCustomerPayload {
  type: 'remove-customer';
  storeId: string;
  customerExternalId: string;
}

export type AcPayload = ContactPayload | OrderPayload | RemoveCustomerPayload;
