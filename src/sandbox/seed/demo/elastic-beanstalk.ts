/**
 * The legacy internal admin app on Elastic Beanstalk (Python, gunicorn), which nobody has
 * migrated yet: a few requests a day from staff, logs kept forever by default.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Scenario, add, arrivals, historyStart, logGroup, stream } from './scenario';
import { DAY, HOUR, clfTime, pgTime, syslogTime } from './time';

const PAGES = ['/admin/merchants', '/admin/merchants/{m}', '/admin/payouts', '/admin/refunds?status=pending', '/admin/login', '/static/admin.css'];

export function elasticBeanstalkLogGroup(s: Scenario): SeedLogGroup {
  const rng = new Random('elastic-beanstalk');
  const st = stream(`i-0${rng.hex(16)}`);
  const host = `ip-172-31-${rng.int(0, 60)}-${rng.int(2, 250)}`;
  const pid = rng.int(2000, 4000);
  const staffHours = (t: number) => {
    const weekday = (Math.floor(t / DAY) + 4) % 7;
    const hour = (t % DAY) / HOUR;
    return weekday >= 1 && weekday <= 5 && hour >= 14 && hour < 23 ? 6 : 0.2;
  };
  for (const t of arrivals(rng, historyStart(s), s.now, staffHours)) {
    const path = rng.pick(PAGES).replace('{m}', rng.pick(s.merchants));
    const status = path === '/admin/login' ? 302 : rng.chance(0.02) ? 500 : 200;
    add(st, t, `${syslogTime(t)} ${host} web[${pid}]: 10.0.1.${rng.int(10, 250)} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" ${status} ${rng.int(200, 40_000)} "-" "Mozilla/5.0"`);
    if (status === 500) {
      add(st, t, `${syslogTime(t)} ${host} web[${pid}]: [${pgTime(t).replace('UTC', '+0000')}] [${pid}] [ERROR] Error handling request ${path}\nTraceback (most recent call last):\n  File "/var/app/venv/lib/python3.8/site-packages/gunicorn/workers/sync.py", line 136, in handle\n    self.handle_request(listener, req, client, addr)\n  File "/var/app/current/admin/views.py", line 211, in merchant_detail\n    payouts = merchant.payouts.order_by("-created")[:20]\nAttributeError: 'NoneType' object has no attribute 'payouts'`);
    }
  }
  return logGroup(s, { name: '/aws/elasticbeanstalk/tallybird-legacy-admin-env/var/log/web.stdout.log', createdDaysAgo: 1130 }, [st]);
}
