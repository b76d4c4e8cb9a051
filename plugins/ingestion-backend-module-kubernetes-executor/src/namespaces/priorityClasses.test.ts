import { PRIORITY_CLASSES, buildPriorityClasses } from './priorityClasses';

describe('priority classes', () => {
  it('orders dedicated above shared above opportunistic', () => {
    const values = buildPriorityClasses().map(pc => [
      pc.metadata.name,
      pc.value,
    ]);
    expect(values).toEqual([
      ['ingestion-dedicated', 100000],
      ['ingestion-shared', 10000],
      ['ingestion-opportunistic', 1000],
    ]);
  });

  it('never lets a borrower evict anyone, and is nobody’s default', () => {
    const opportunistic = buildPriorityClasses().find(
      pc => pc.metadata.name === PRIORITY_CLASSES.opportunistic.name,
    );
    expect(opportunistic).toMatchObject({
      preemptionPolicy: 'Never',
      globalDefault: false,
    });
  });
});
