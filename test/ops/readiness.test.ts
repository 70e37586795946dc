import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/ops/in-flight.ts';
import { Readiness } from '../../src/ops/readiness.ts';

describe('Readiness', () => {
  it('is ready when every check passes and the process is not draining', () => {
    const readiness = new Readiness();
    let connected = false;
    readiness.add('database', () => true);
    readiness.add('slack', () => connected);
    expect(readiness.report()).toEqual({ ready: false, checks: { accepting: true, database: true, slack: false } });
    connected = true;
    expect(readiness.report().ready).toBe(true);
    readiness.drain();
    expect(readiness.report()).toEqual({ ready: false, checks: { accepting: false, database: true, slack: true } });
  });

  it('counts a check that throws as failing', () => {
    const readiness = new Readiness();
    readiness.add('index', () => {
      throw new Error('gone');
    });
    expect(readiness.report()).toEqual({ ready: false, checks: { accepting: true, index: false } });
  });
});

describe('InFlight', () => {
  it('settles once all tracked work, including work started while waiting, has ended', async () => {
    const inFlight = new InFlight();
    const ended: string[] = [];
    const later = (name: string, ms: number) =>
      new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => {
        ended.push(name);
      });
    void inFlight.track(later('first', 20));
    setTimeout(() => void inFlight.track(later('second', 30)), 10);
    expect(inFlight.size).toBe(1);
    await inFlight.settled();
    expect(ended).toEqual(['first', 'second']);
    expect(inFlight.size).toBe(0);
  });

  it('returns the work itself, rejection included, and forgets failed work', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.track(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await inFlight.settled();
    expect(inFlight.size).toBe(0);
  });
});
