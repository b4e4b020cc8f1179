/**
 * The trip planner's built output: the holiday document the browser reads
 * (/planner/holidays.json) is the site's calendar for last year, this year
 * and next, and the planner page carries every published red site as
 * planner fields the browser can read, and nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannerPageData } from '../../src/client/planner/data.ts';
import { getPublishedView } from '../../src/data/index.ts';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { calendarFromDocument, checkHolidayDocument, holidayCalendarDocument } from '../../src/planner/calendar.ts';
import { plannerSites } from '../../src/planner/site.ts';

const CLIENT = path.resolve('dist', 'client');

describe('/planner/holidays.json', () => {
  it('is the build’s calendar for last year, this year and next, as far as it covers them', async () => {
    const view = await getPublishedView();
    const year = Number(todayInShanghai().slice(0, 4));
    const doc: unknown = JSON.parse(readFileSync(path.join(CLIENT, 'planner', 'holidays.json'), 'utf8'));
    const checked = checkHolidayDocument(doc);
    expect(checked.ok).toBe(true);
    expect(doc).toEqual(holidayCalendarDocument(view.calendar, year - 1, year + 1));
    const covered = [year - 1, year, year + 1].filter((y) => view.calendar.covers(y));
    expect((doc as { years: { year: number }[] }).years.map((y) => y.year)).toEqual(covered);
    expect(covered).toContain(year);
  });
  it('leaves out a year the calendar lacks: the browser then says it cannot know, never "no holidays"', () => {
    const doc = JSON.parse(readFileSync(path.join(CLIENT, 'planner', 'holidays.json'), 'utf8'));
    const calendar = calendarFromDocument(doc);
    const year = Number(todayInShanghai().slice(0, 4));
    expect(calendar.covers(year + 2)).toBe(false);
    expect(() => calendar.isPublicHoliday(`${year + 2}-10-01`)).toThrow(/不含/);
  });
});

describe('the planner page’s data', () => {
  const data = (): PlannerPageData => {
    const html = readFileSync(path.join(CLIENT, 'planner', 'index.html'), 'utf8');
    const json = /<script type="application\/json" data-planner-data>([\s\S]*?)<\/script>/.exec(html)?.[1];
    return JSON.parse(json!) as PlannerPageData;
  };
  it('carries every published red site, each readable by the browser’s planner', async () => {
    const view = await getPublishedView();
    const d = data();
    expect(d.sites.map((s) => s.id).sort()).toEqual(view.redSites.map((s) => s.id).sort());
    const { sites, problems } = plannerSites(d.sites);
    expect(problems).toEqual([]);
    expect(sites.size).toBe(view.redSites.length);
    expect(d.holidaysUrl).toBe('/planner/holidays.json');
  });
  it('carries no text a person wrote for people only, and no site the view does not publish', async () => {
    const view = await getPublishedView();
    const ids = new Set(view.redSites.map((s) => s.id));
    const d = data();
    expect(d.sites.filter((s) => !ids.has(s.id))).toEqual([]);
    // Machine fields, a page URL and the district: no history, summary or hours note.
    for (const s of d.sites) expect(Object.keys(s).sort()).toEqual(expect.not.arrayContaining(['history', 'summary', 'note', 'address']));
  });
});
