/** One thing the bot needs before it can serve: true when it is there. Must be cheap (called per probe). */
export type ReadinessCheck = () => boolean;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, boolean>;
}

/**
 * What `/readyz` reports: every named check must pass, and the process must not be shutting down (a draining
 * process fails readiness first, so a load balancer stops sending it work while it finishes what it has).
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  /** Adds (or replaces) a check; a check that throws counts as failing. */
  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** From now on the process reports not ready: it is shutting down. */
  drain(): void {
    this.draining = true;
  }

  report(): ReadinessReport {
    const checks: Record<string, boolean> = { accepting: !this.draining };
    for (const [name, check] of this.checks) checks[name] = passes(check);
    return { ready: Object.values(checks).every(Boolean), checks };
  }
}

function passes(check: ReadinessCheck): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
