import { describe, expect, it } from 'vitest';
import { logChanges, openTempStore, ratified } from './support/temp-store.ts';

const general = { platform: 'slack', workspace: 'T0001', channel: 'C0001' } as const;
const request = { ...general, schedule: 'daily', timeZone: 'Europe/Berlin', createdBy: 'U0001' };
const monday = new Date('2026-03-02T08:00:00Z');

describe('Subscriptions.subscribe', () => {
  it('subscribes a channel, starting after the newest logged change', () => {
    const store = openTempStore();
    const [, newest] = logChanges(store, '2026-02-01T06:00:00.000Z', [ratified('Qatar'), ratified('Ghana')]);
    const subscription = store.subscriptions.subscribe(request, monday);
    expect(subscription).toEqual({
      id: expect.any(Number),
      ...request,
      createdAt: '2026-03-02T08:00:00.000Z',
      lastRunAt: '2026-03-02T08:00:00.000Z',
      lastDeliveredChangeId: newest,
    });
    expect(store.subscriptions.get(general)).toEqual(subscription);
  });

  it('changes only the schedule when the channel subscribes again', () => {
    const store = openTempStore();
    const first = store.subscriptions.subscribe(request, monday);
    const again = store.subscriptions.subscribe(
      { ...request, schedule: '0 7 * * 1-5', timeZone: 'Asia/Beirut', createdBy: 'U0002' },
      new Date('2026-03-05T08:00:00Z'),
    );
    expect(again).toEqual({ ...first, schedule: '0 7 * * 1-5', timeZone: 'Asia/Beirut' });
    expect(store.subscriptions.list()).toHaveLength(1);
  });
});

describe('Subscriptions.unsubscribe', () => {
  it('removes the channel and says whether it was subscribed', () => {
    const store = openTempStore();
    store.subscriptions.subscribe(request, monday);
    expect(store.subscriptions.unsubscribe(general)).toBe(true);
    expect(store.subscriptions.get(general)).toBeUndefined();
    expect(store.subscriptions.unsubscribe(general)).toBe(false);
  });
});

describe('Subscriptions.list', () => {
  it('lists all subscriptions, or those of a platform and workspace', () => {
    const store = openTempStore();
    store.subscriptions.subscribe(request, monday);
    store.subscriptions.subscribe({ ...request, channel: 'C0002' }, monday);
    store.subscriptions.subscribe({ ...request, workspace: 'T0002' }, monday);
    store.subscriptions.subscribe({ ...request, platform: 'discord', workspace: '1234', channel: '5678' }, monday);
    const channels = (list: Array<{ workspace: string; channel: string }>) =>
      list.map(({ workspace, channel }) => `${workspace}/${channel}`);
    expect(channels(store.subscriptions.list())).toEqual(['T0001/C0001', 'T0001/C0002', 'T0002/C0001', '1234/5678']);
    expect(channels(store.subscriptions.list('slack'))).toEqual(['T0001/C0001', 'T0001/C0002', 'T0002/C0001']);
    expect(channels(store.subscriptions.list('slack', 'T0001'))).toEqual(['T0001/C0001', 'T0001/C0002']);
    expect(channels(store.subscriptions.list('discord'))).toEqual(['1234/5678']);
  });
});
