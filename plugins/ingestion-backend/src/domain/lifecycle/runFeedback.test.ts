import { runFeedback } from './runFeedback';

describe('runFeedback', () => {
  it('recommends resources for a draft run more than 10% over its SLA, not at 10%', () => {
    expect(runFeedback({ met: false, overrun: 0.1 }, 'draft')).toEqual({
      recommend: false,
    });
    expect(runFeedback({ met: false, overrun: 0.11 }, 'draft')).toEqual({
      recommend: true,
    });
  });

  it('leaves recommendations after a slow run to drafts', () => {
    expect(runFeedback({ met: false, overrun: 0.15 }, 'production')).toEqual({
      recommend: false,
    });
  });

  it('alerts on a run more than 20% over its SLA, not at 20%, in any lifecycle', () => {
    expect(runFeedback({ met: false, overrun: 0.2 }, 'production').alert).toBe(
      undefined,
    );
    expect(runFeedback({ met: false, overrun: 0.21 }, 'production')).toEqual({
      recommend: false,
      alert: 'sla-overrun',
    });
    expect(runFeedback({ met: false, overrun: 0.5 }, 'draft')).toEqual({
      recommend: true,
      alert: 'sla-overrun',
    });
  });

  it('alerts on a failed run', () => {
    expect(runFeedback({ met: false }, 'production')).toEqual({
      recommend: false,
      alert: 'failed',
    });
  });

  it('says nothing about a run within its SLA', () => {
    expect(runFeedback({ met: true, overrun: 0 }, 'draft')).toEqual({
      recommend: false,
    });
  });
});
