import { describe, expect, it } from 'vitest';
import {
  dueDateProblem,
  latestDueDate,
  parseDueDate,
  parseEventDate,
} from '../../src/domain/date-bounds.js';
import { UsageError } from '../../src/errors.js';

// 2026-11-21 is a Saturday.
const TODAY = '2026-11-21';

describe('due dates', () => {
  it('allow up to 100 calendar years ahead, or the last day of 9999', () => {
    expect(latestDueDate(TODAY)).toBe('2126-11-21');
    expect(latestDueDate('2024-02-29')).toBe('2124-02-29');
    expect(latestDueDate('2025-02-28')).toBe('2125-02-28');
    expect(latestDueDate('9950-06-01')).toBe('9999-12-31');
    expect(dueDateProblem('2126-11-21', TODAY)).toBeNull();
    expect(dueDateProblem('2126-11-22', TODAY)).toBe(
      '2126-11-22 is more than 100 years ahead (after 2126-11-21)',
    );
  });

  it('parse as the user types them, with examples for the option when refused', () => {
    expect(parseDueDate('friday', TODAY, '--due')).toBe('2026-11-27');
    expect(parseDueDate('100y', TODAY, '--due')).toBe('2126-11-21');
    expect(() => parseDueDate('9999-12-31', TODAY, '--until')).toThrow(
      new UsageError(
        '--until 9999-12-31 is more than 100 years ahead (after 2126-11-21)',
        'give a date within 100 years, e.g. --until friday, --until 2w or --until 2026-12-21',
      ),
    );
    // A prompt has no option to name.
    expect(() => parseDueDate('101y', TODAY)).toThrow(
      new UsageError(
        '2127-11-21 is more than 100 years ahead (after 2126-11-21)',
        'give a date within 100 years, e.g. friday, 2w or 2026-12-21',
      ),
    );
    expect(() => parseDueDate('someday', TODAY, '--due')).toThrow(/unknown date "someday"/);
  });

  it('the examples a refusal gives are accepted', () => {
    for (const example of ['friday', '2w', '2026-12-21'])
      expect(parseDueDate(example, TODAY, '--due')).toMatch(/^2026-/);
  });
});

describe('event dates', () => {
  it('go back to 1900 and no further', () => {
    expect(parseEventDate('1900-01-01', TODAY, '--date')).toBe('1900-01-01');
    expect(parseEventDate('yesterday', TODAY, '--date')).toBe('2026-11-20');
    expect(() => parseEventDate('200y', TODAY, '--date')).toThrow(
      new UsageError(
        '--date 1826-11-21 is before 1900',
        'give the date it happened, e.g. --date yesterday, --date 3d or --date 2026-11-14',
      ),
    );
    expect(() => parseEventDate('1899-12-31', TODAY)).toThrow(
      new UsageError(
        '1899-12-31 is before 1900',
        'give the date it happened, e.g. yesterday, 3d or 2026-11-14',
      ),
    );
  });
});
