import { isReviewDue, planEditRefusal, planTransitionRefusal, reviewRefusal } from './plan-rules';

describe('planTransitionRefusal', () => {
  it('lets a draft be activated, an active plan be completed, and either be discontinued', () => {
    expect(planTransitionRefusal('activate', 'draft')).toBeUndefined();
    expect(planTransitionRefusal('complete', 'active')).toBeUndefined();
    expect(planTransitionRefusal('discontinue', 'active')).toBeUndefined();
    expect(planTransitionRefusal('discontinue', 'draft')).toBeUndefined();
  });

  it('refuses to complete a plan that never started', () => {
    expect(planTransitionRefusal('complete', 'draft')).toBe('a plan that is draft cannot be completed: only an active plan can');
  });

  it('refuses to reopen a closed plan, naming the statuses that could', () => {
    expect(planTransitionRefusal('activate', 'completed')).toBe('a plan that is completed cannot be activated: only a draft plan can');
    expect(planTransitionRefusal('discontinue', 'completed')).toBe('a plan that is completed cannot be discontinued: only a draft or active plan can');
    expect(planTransitionRefusal('complete', 'discontinued')).toMatch(/discontinued cannot be completed/);
  });

  it('says so when the plan is already where the action leads', () => {
    expect(planTransitionRefusal('activate', 'active')).toBe('the plan is already active');
    expect(planTransitionRefusal('complete', 'completed')).toBe('the plan is already completed');
    expect(planTransitionRefusal('discontinue', 'discontinued')).toBe('the plan is already discontinued');
  });
});

describe('planEditRefusal', () => {
  it('edits drafts and active plans only', () => {
    expect(planEditRefusal('draft')).toBeUndefined();
    expect(planEditRefusal('active')).toBeUndefined();
    expect(planEditRefusal('completed')).toBe('a completed plan can no longer be edited');
    expect(planEditRefusal('discontinued')).toBe('a discontinued plan can no longer be edited');
  });
});

describe('review at session 4', () => {
  const active = { status: 'active' as const, reviewedAt: null };

  it('is due from the 4th signed session of an active plan until someone records it', () => {
    expect(isReviewDue(active, 3)).toBe(false);
    expect(isReviewDue(active, 4)).toBe(true);
    expect(isReviewDue(active, 9)).toBe(true);
    expect(isReviewDue({ ...active, reviewedAt: new Date() }, 5)).toBe(false);
    expect(isReviewDue({ status: 'completed', reviewedAt: null }, 5)).toBe(false);
    expect(isReviewDue({ status: 'draft', reviewedAt: null }, 5)).toBe(false);
  });

  it('may be recorded on an active plan with 4 or more signed sessions', () => {
    expect(reviewRefusal('active', 4)).toBeUndefined();
    expect(reviewRefusal('active', 3)).toBe('the review comes at session 4: 3 session(s) signed so far');
    expect(reviewRefusal('completed', 8)).toBe('only an active plan is reviewed; this one is completed');
  });
});
