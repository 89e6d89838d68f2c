// Runs in: Node (simulators). Owns: one dotdigital account's data: contacts, address books, data
// fields, Insight collections, programs, enrolments and async jobs. Plain data; rules live in the routes.
import type { AccountOption, ProgramOption } from './options.js';

export type OptInType = 'Unknown' | 'Single' | 'Double' | 'VerifiedDouble';
export type EmailType = 'PlainText' | 'Html';
/** v2 contact statuses (the v3 view maps them to its camelCase enum). */
export type ContactStatus = 'Subscribed' | 'Unsubscribed' | 'PendingOptIn' | 'HardBounced' | 'IspComplained';
export type Membership = 'subscribed' | 'pending';

export interface ConsentRecord {
  text: string;
  dateTimeConsented: string;
  url: string;
  ipAddress: string;
  userAgent: string;
  dateTimeCreated: string;
}

export interface Contact {
  id: number;
  email: string;
  mobileNumber?: string;
  optInType: OptInType;
  emailType: EmailType;
  status: ContactStatus;
  /** Keyed by the data field's defined name (names are case-insensitive on input). */
  dataFields: Record<string, unknown>;
  created: number;
  updated: number;
  /** Address book id -> membership; pending members are not "in" the book until they confirm. */
  lists: Map<number, Membership>;
  consentRecords: ConsentRecord[];
  suppressedAt?: number;
  suppressionReason?: string;
  /** The books the contact left when suppressed, so list-scoped unsubscribe reports include them. */
  wasInBooks?: number[];
  /** Address-book-level unsubscribes, for `…/contacts/unsubscribed-since/{date}`. */
  listUnsubscribes: Array<{ bookId: number; at: number }>;
}

export interface AddressBook {
  id: number;
  name: string;
  visibility: 'Private' | 'Public';
  writable: boolean;
}

export interface DataField {
  name: string;
  type: 'String' | 'Numeric' | 'Date' | 'Boolean';
  visibility: 'Private' | 'Public';
  defaultValue: unknown;
}

export interface InsightRecord {
  key: string;
  /** undefined = account scope. */
  contactId?: number;
  json: Record<string, unknown>;
  created: number;
  updated: number;
}

export interface Collection {
  name: string;
  scope: 'account' | 'contact';
  type: string;
  /** Keys are unique within a collection (v2 reads a record by collection + key alone). */
  records: Map<string, InsightRecord>;
}

export type JobKind = 'contacts-v2' | 'contacts-v3' | 'insight-v2' | 'insight-v3' | 'enrolment';

export interface Job {
  id: string;
  kind: JobKind;
  createdAt: number;
  state: 'pending' | 'finished' | 'failed';
  /** Applies the work when the job finishes; returns the job's report. */
  run: () => unknown;
  report?: unknown;
  /** Extra fields each kind shows in its status answer. */
  meta: Record<string, unknown>;
}

export interface Enrolment {
  id: string;
  programId: number;
  contacts: number[];
  addressBooks: number[];
  dateCreated: number;
}

export class AccountStore {
  contacts = new Map<number, Contact>();
  books = new Map<number, AddressBook>();
  fields = new Map<string, DataField>();
  collections = new Map<string, Collection>();
  programs = new Map<number, ProgramOption>();
  enrolments = new Map<string, Enrolment>();
  jobs = new Map<string, Job>();
  private nextContactId = 1;
  private nextBookId = 1;

  constructor(
    readonly account: AccountOption,
    readonly accountId: number,
    private readonly programSeed: ProgramOption[],
  ) {
    this.reset();
  }

  reset(): void {
    this.contacts.clear();
    this.books.clear();
    this.fields.clear();
    this.collections.clear();
    this.enrolments.clear();
    this.jobs.clear();
    this.programs = new Map(this.programSeed.map((p) => [p.id, { ...p }]));
    this.nextContactId = 1;
    this.nextBookId = 1;
    // Every account starts with a "Test" book the API cannot write to, and the default data fields.
    this.addBook('Test', 'Private', false);
    for (const name of ['FIRSTNAME', 'LASTNAME', 'FULLNAME', 'GENDER', 'POSTCODE'])
      this.fields.set(name, { name, type: 'String', visibility: 'Private', defaultValue: null });
    this.fields.set('LASTSUBSCRIBED', {
      name: 'LASTSUBSCRIBED',
      type: 'Date',
      visibility: 'Private',
      defaultValue: null,
    });
  }

  addBook(name: string, visibility: 'Private' | 'Public', writable = true): AddressBook {
    const book: AddressBook = { id: this.nextBookId++, name, visibility, writable };
    this.books.set(book.id, book);
    return book;
  }

  newContact(email: string, now: number): Contact {
    const c: Contact = {
      id: this.nextContactId++,
      email,
      optInType: 'Unknown',
      emailType: 'Html',
      status: 'Subscribed',
      dataFields: {},
      created: now,
      updated: now,
      lists: new Map(),
      consentRecords: [],
      listUnsubscribes: [],
    };
    this.contacts.set(c.id, c);
    return c;
  }

  byEmail(email: string): Contact | undefined {
    const e = email.trim().toLowerCase();
    for (const c of this.contacts.values()) if (c.email.toLowerCase() === e) return c;
    return undefined;
  }

  byMobile(mobile: string): Contact | undefined {
    for (const c of this.contacts.values()) if (c.mobileNumber === mobile) return c;
    return undefined;
  }

  /** v2 paths take "id or email" in one segment. */
  byIdOrEmail(selector: string): Contact | undefined {
    return /^\d+$/.test(selector) ? this.contacts.get(Number(selector)) : this.byEmail(selector);
  }

  field(name: string): DataField | undefined {
    return (
      this.fields.get(name.toUpperCase()) ??
      [...this.fields.values()].find((f) => f.name.toLowerCase() === name.toLowerCase())
    );
  }

  bookMembers(bookId: number): Contact[] {
    return [...this.contacts.values()].filter((c) => c.lists.get(bookId) === 'subscribed');
  }

  collection(name: string): Collection | undefined {
    return this.collections.get(name.toLowerCase());
  }

  ensureCollection(name: string, scope: 'account' | 'contact', type: string): Collection {
    let col = this.collection(name);
    if (!col) {
      col = { name, scope, type, records: new Map() };
      this.collections.set(name.toLowerCase(), col);
    }
    return col;
  }
}
