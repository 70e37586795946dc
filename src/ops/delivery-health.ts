import type { DeliveryBacklog } from '../store/deliveries.ts';

/** What the health of digest delivery is read from: the store's backlog and the scheduler's run in progress. */
export interface DeliverySource {
  backlog(): DeliveryBacklog;
  /** How long the delivery run in progress has been going, in ms; 0 when none is. */
  runningForMs(): number;
}

/** Beyond these, delivery counts as stuck and `/readyz` fails. */
export interface DeliveryLimits {
  /**
   * A run is bounded by its channels' post deadlines (20 s each, four at a time), so one going this long is
   * stuck. Default 5 minutes.
   */
  runMs: number;
  /**
   * A digest still pending this long after it fell due has outlived every retry (1 + 2 + 4 + 8 minutes plus
   * deadlines): nothing is delivering. Default 30 minutes.
   */
  pendingMs: number;
}

const DEFAULT_DELIVERY_LIMITS: DeliveryLimits = { runMs: 5 * 60_000, pendingMs: 30 * 60_000 };

/** One reading, for the metrics. */
export interface DeliveryReading {
  oldestPendingSeconds: number;
  failing: number;
  runSeconds: number;
}

/**
 * Whether digests are getting out, for the operator: a reading for `/metrics` and a readiness check that fails
 * while a delivery run is stuck or a digest has been pending past every retry.
 */
export class DeliveryHealth {
  constructor(
    private readonly source: DeliverySource,
    private readonly limits: DeliveryLimits = DEFAULT_DELIVERY_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  read(): DeliveryReading {
    const { oldestPendingSince, failing } = this.source.backlog();
    const pendingMs = oldestPendingSince ? Math.max(0, this.now().getTime() - Date.parse(oldestPendingSince)) : 0;
    return { oldestPendingSeconds: pendingMs / 1000, failing, runSeconds: this.source.runningForMs() / 1000 };
  }

  /** The `/readyz` check: false while delivery is stuck. */
  healthy(): boolean {
    const reading = this.read();
    return (
      reading.runSeconds * 1000 <= this.limits.runMs && reading.oldestPendingSeconds * 1000 <= this.limits.pendingMs
    );
  }
}
