import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  label: string;
  images: number;
  credits: number;
}

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
  const credits = data.reduce((s, d) => s + d.credits, 0);
  const images = data.reduce((s, d) => s + d.images, 0);
  return (
    <figure className="m-0">
      <div
        role="img"
        aria-label={`${title}: ${credits.toLocaleString()} credits and ${images.toLocaleString()} images in all`}
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
              name="Credits"
              fill={VIOLET}
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
            <Line
              yAxisId="images"
              dataKey="images"
              name="Images"
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
            <th scope="col">Period</th>
            <th scope="col">Credits</th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {data
            .filter((d) => d.credits || d.images)
            .map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{d.credits}</td>
                <td>{d.images}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
