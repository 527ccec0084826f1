/** The bureau works on Weihai's calendar (UTC+8), so "today" and "overdue" follow it, not the server's zone. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in the city as YYYY-MM-DD. */
export function todayInCity(now: Date = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: CITY_TIME_ZONE });
}
