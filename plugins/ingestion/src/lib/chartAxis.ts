/** The label of a chart's value axis, written upwards along it, as every ingestion chart shows it. */
export function valueAxisLabel(value: string) {
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    style: { fontSize: 12, textAnchor: 'middle' as const },
  };
}
