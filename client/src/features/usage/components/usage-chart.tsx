import { useTranslation } from "react-i18next";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  label: string;
  images: number;
  credits: number;
}

import { formatNumber } from "@/i18n";

const VIOLET = "#8B5CF6";
const PINK = "#EC4899";

/**
 * Credits (bars, left axis) and images (line, right axis) over time. Loaded lazily (recharts stays out of the
 * app shell's bundle). Screen readers get the same figures as a table; the drawing itself is an image.
 */
export default function UsageChart({
  data,
  title,
  height = 240,
}: {
  data: ChartPoint[];
  title: string;
  height?: number;
}) {
  const { t } = useTranslation("usage");
  const credits = data.reduce((s, d) => s + d.credits, 0);
  const images = data.reduce((s, d) => s + d.images, 0);
  return (
    <figure className="m-0">
      <div
        role="img"
        aria-label={t("chart.summary", { title, credits: formatNumber(credits), images: formatNumber(images) })}
        className="text-muted-foreground"
        style={{ height }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: "currentColor", fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              minTickGap={16}
            />
            <YAxis
              yAxisId="credits"
              tick={{ fill: "currentColor", fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              width={44}
            />
            <YAxis
              yAxisId="images"
              orientation="right"
              tick={{ fill: "currentColor", fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              width={32}
            />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
              contentStyle={{
                background: "var(--color-popover, #fff)",
                color: "var(--color-popover-foreground, #111)",
                borderRadius: 12,
                border: "1px solid var(--color-border, #ddd)",
                fontSize: 12,
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              yAxisId="credits"
              dataKey="credits"
              name={t("table.credits")}
              fill={VIOLET}
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
            <Line
              yAxisId="images"
              dataKey="images"
              name={t("table.images")}
              stroke={PINK}
              strokeWidth={2}
              dot={false}
              type="linear"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.period")}</th>
            <th scope="col">{t("table.credits")}</th>
            <th scope="col">{t("table.images")}</th>
          </tr>
        </thead>
        <tbody>
          {data
            .filter((d) => d.credits || d.images)
            .map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{formatNumber(d.credits)}</td>
                <td>{formatNumber(d.images)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
