/**
 * The submission store's interface: what the public sends in (opinions on a
 * 批前公示, 依申请公开 applications). Issue 14. One interface, two adapters:
 * SQLite embedded by default, PostgreSQL when DATABASE_URL is set, so several
 * server instances can share one store. Routes see only this interface.
 *
 * A submission is split when it is stored: `content` is what the bureau may
 * quote (the opinion, the description of the information asked for), and
 * `personal` is everything that identifies the sender. `personal` (and the
 * attachment) are purged after `retainUntil`; the receipt, dates and content
 * stay as the bureau's record of having received it.
 */

export type SubmissionKind = 'opinion' | 'application';

export interface SubmissionAttachment {
  /** The sender's file name, as text only (never used as a path). */
  name: string;
  /** Sniffed, not trusted from the request. */
  mediaType: string;
  bytes: Uint8Array;
}

export interface NewSubmission {
  kind: SubmissionKind;
  /** The notice an opinion is about (its record id); absent for applications. */
  noticeId?: string | undefined;
  /** Validated, non-personal fields; JSON-serialisable. */
  content: Readonly<Record<string, unknown>>;
  /** Validated personal fields (name, contact details, address …); JSON-serialisable. Never published. */
  personal: Readonly<Record<string, unknown>>;
  attachment?: SubmissionAttachment | undefined;
  /** Server clock at receipt. */
  receivedAt: Date;
  /** ISO date (Asia/Shanghai) after which `personal` and the attachment are purged. */
  retainUntil: string;
  /** For applications: the statutory reply date (20 working days, 调休 counted), ISO date. */
  replyBy?: string | undefined;
  /**
   * The form's one-time token: the same key twice (a double click, a retried
   * POST) yields the first receipt, never a second record.
   */
  idempotencyKey: string;
}

export interface Receipt {
  /** e.g. YJ-20261201-0007 (意见) or SQ-20261201-0003 (申请): kind prefix, Shanghai date, per-day sequence. */
  receiptNo: string;
  /** ISO date-time with +08:00. */
  receivedAt: string;
  /** True when the idempotency key had been seen: this is the earlier receipt. */
  duplicate: boolean;
}

export interface StoredSubmission {
  receiptNo: string;
  kind: SubmissionKind;
  noticeId?: string | undefined;
  content: Record<string, unknown>;
  /** Null once purged. */
  personal: Record<string, unknown> | null;
  attachment?: { name: string; mediaType: string; size: number } | undefined;
  receivedAt: string;
  retainUntil: string;
  replyBy?: string | undefined;
  /** ISO date-time of the purge, when it happened. */
  purgedAt?: string | undefined;
}

export interface PurgeResult {
  purged: { receiptNo: string; kind: SubmissionKind; noticeId?: string | undefined; receivedAt: string; retainUntil: string }[];
}

/**
 * Why the store refused: the route turns each into a clear message (never a
 * 500) and keeps nothing half-written.
 */
export class StoreUnavailableError extends Error {
  readonly reason: 'full' | 'locked' | 'unavailable';
  constructor(reason: 'full' | 'locked' | 'unavailable', message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.reason = reason;
  }
}

export interface SubmissionStore {
  readonly adapter: 'sqlite' | 'postgres';
  /**
   * Stores one submission and resolves only once it is committed durably
   * (SQLite: WAL with synchronous=FULL; PostgreSQL: the COMMIT returned), so
   * a receipt sent is a record kept. Rejects with StoreUnavailableError.
   */
  add(submission: NewSubmission): Promise<Receipt>;
  get(receiptNo: string): Promise<StoredSubmission | undefined>;
  /** Oldest first. */
  list(filter: { kind: SubmissionKind; noticeId?: string | undefined }): Promise<StoredSubmission[]>;
  attachment(receiptNo: string): Promise<SubmissionAttachment | undefined>;
  /** Removes `personal` and attachments whose retainUntil is before `today` (ISO date); returns what it purged. */
  purge(today: string): Promise<PurgeResult>;
  /** Cheap liveness check for the health endpoint. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
