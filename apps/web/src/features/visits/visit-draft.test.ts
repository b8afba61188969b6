import { describe, expect, it } from 'vitest';
import { newSiteRow, type SiteRow } from './site-rows';
import { MUSCLES, visitFixture } from './testing/visit-fixtures';
import { draftSaveOf, draftValuesFrom } from './visit-draft';

const byId = new Map(Object.values(MUSCLES).map((muscle) => [muscle.id, muscle]));

const row = (over: Partial<SiteRow>): SiteRow => ({
  ...newSiteRow(),
  muscleId: MUSCLES.upperTrapezius.id,
  side: 'right',
  gauge: '0.25',
  lengthMm: '30',
  depthCm: 1.5,
  twitch: 'local',
  tolerance: 'good',
  ...over,
});

describe('draftSaveOf', () => {
  it('sends the draft as loaded unchanged, so opening a note saves nothing', () => {
    const values = draftValuesFrom(visitFixture({ painBefore: 5, subjective: 'Neck stiff' }));
    const { body, unsaved, invalid } = draftSaveOf(values, byId);
    expect(invalid).toEqual([]);
    expect(unsaved).toEqual([]);
    expect(body).toMatchObject({ painBefore: 5, painAfter: null, subjective: 'Neck stiff', sites: [], adverseEvents: [], minutesSpent: null });
  });

  it('sends complete rows as numbers and leaves out blank and unfinished ones, saying which', () => {
    const values = draftValuesFrom(visitFixture());
    values.sites = [row({}), newSiteRow(), row({ twitch: '', tolerance: '' })];
    const save = draftSaveOf(values, byId);
    expect(save.body.sites).toEqual([
      { muscleId: MUSCLES.upperTrapezius.id, side: 'right', gauge: 0.25, lengthMm: 30, depthCm: 1.5, technique: 'pistoning', twitch: 'local', tolerance: 'good' },
    ]);
    expect(save.rowOfSite).toEqual([0]);
    expect(save.unsaved).toEqual(['Site 3: add the twitch response, tolerance']);
  });

  it('never sends a depth deeper than the needle', () => {
    const values = draftValuesFrom(visitFixture());
    values.sites = [row({ depthCm: 3.5, lengthMm: '30' })];
    const save = draftSaveOf(values, byId);
    expect(save.body.sites).toEqual([]);
    expect(save.unsaved).toEqual(['Site 1: the depth is deeper than the needle']);
  });

  it('sends the reason for an unusual depth as depthAck, and the level only for a levelled muscle', () => {
    const values = draftValuesFrom(visitFixture());
    values.sites = [
      row({ muscleId: MUSCLES.lumbarMultifidus.id, level: ' L4-5 ', lengthMm: '75', depthCm: 7, depthAckReason: 'Large build' }),
      row({ level: 'C4', depthCm: 2 }),
    ];
    const [deep, neck] = draftSaveOf(values, byId).body.sites!;
    expect(deep).toMatchObject({ level: 'L4-5', depthCm: 7, depthAck: { reason: 'Large build' } });
    expect(neck).not.toHaveProperty('level');
    expect(neck).not.toHaveProperty('depthAck');
  });

  it('sends ticked adverse events with their detail, but "other" only once described', () => {
    const values = draftValuesFrom(visitFixture());
    values.adverseEvents.bruising = { checked: true, detail: ' small, right neck ' };
    values.adverseEvents.other = { checked: true, detail: '' };
    const save = draftSaveOf(values, byId);
    expect(save.body.adverseEvents).toEqual([{ kind: 'bruising', detail: 'small, right neck' }]);
    expect(save.unsaved).toEqual(['Other adverse event: describe it']);
  });

  it('holds the whole save back on a value the API would refuse', () => {
    const values = draftValuesFrom(visitFixture());
    values.minutesSpent = 0;
    expect(draftSaveOf(values, byId).invalid).toEqual([expect.stringMatching(/^Minutes spent: /)]);
  });
});
