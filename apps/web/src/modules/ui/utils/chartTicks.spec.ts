import { integerTicks } from './chartTicks';

describe('integerTicks', () => {
  it('counts one by one for small values, with no gap', () => {
    expect(integerTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(2.5)).toEqual([0, 1, 2, 3]);
  });

  it('steps by 2, 5, 10, 20… to keep at most six ticks', () => {
    expect(integerTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(integerTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(integerTicks(127)).toEqual([0, 50, 100, 150]);
  });
});
