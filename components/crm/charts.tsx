'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Messages per day, buyers vs the store (last 14 days). Dashboard only: recharts never reaches public pages. */
export function DailyMessagesChart({ data }: { data: Array<{ day: string; buyer: number; seller: number }> }) {
  const t = useTranslations('crm.chart');
  const rows = data.map((d) => ({ ...d, label: d.day.slice(8, 10) + '/' + d.day.slice(5, 7) }));
  return (
    <div className="h-48 w-full" data-testid="chart-daily">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="buyer" name={t('buyers')} fill="#7c3aed" radius={[4, 4, 0, 0]} />
          <Bar dataKey="seller" name={t('store')} fill="#a1a1aa" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Most asked questions by intent, as horizontal bars. */
export function IntentsChart({ data }: { data: Array<{ label: string; count: number }> }) {
  const t = useTranslations('crm.chart');
  return (
    <div className="w-full" style={{ height: Math.max(120, data.length * 34) }} data-testid="chart-intents">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 8 }}>
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="count" name={t('messages')} fill="#7c3aed" radius={[0, 4, 4, 0]} maxBarSize={24} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
