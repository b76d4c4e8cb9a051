import { HeatmapSlice } from '@internal/backstage-plugin-ingestion-common';

/**
 * How full a slice is, in the heatmap's steps: from idle through quarters of capacity to exactly full, then
 * over-committed (more committed than the namespace holds, which admission should never allow), and slices of a
 * namespace that has no capacity at all.
 */
export type SliceLevel =
  | 'idle'
  | 'low'
  | 'medium'
  | 'high'
  | 'busy'
  | 'full'
  | 'over'
  | 'no-capacity';

// Utilisation is committed over capacity of the tighter resource, so "exactly full" comes out as 1 give or take
// floating-point noise.
const EPSILON = 1e-6;

/** The level of a slice, from its utilisation and, for namespaces without capacity, what is committed. */
export function sliceLevel(
  slice: Pick<
    HeatmapSlice,
    'utilisation' | 'capacityCores' | 'capacityMemoryMiB' | 'committedCores'
  >,
): SliceLevel {
  if (slice.capacityCores <= 0 || slice.capacityMemoryMiB <= 0) {
    return slice.committedCores > 0 ? 'over' : 'no-capacity';
  }
  const u = slice.utilisation;
  if (u > 1 + EPSILON) return 'over';
  if (u >= 1 - EPSILON) return 'full';
  if (u <= EPSILON) return 'idle';
  if (u < 0.25) return 'low';
  if (u < 0.5) return 'medium';
  if (u < 0.75) return 'high';
  return 'busy';
}

/** Each level's fill and what the legend calls it. Over-commitment is striped red, unlike any step of blue. */
export const SLICE_LEVELS: Record<
  SliceLevel,
  { label: string; background: string }
> = {
  idle: { label: 'Idle', background: '#eef1f5' },
  low: { label: 'Under 25%', background: '#cfe2f6' },
  medium: { label: '25–50%', background: '#93bfe9' },
  high: { label: '50–75%', background: '#4f8fcf' },
  busy: { label: '75–99%', background: '#245a99' },
  full: { label: 'Full', background: '#0c2a4d' },
  over: {
    label: 'Over-committed',
    background:
      'repeating-linear-gradient(135deg, #dc2626 0 4px, #f87171 4px 7px)',
  },
  'no-capacity': {
    label: 'No capacity',
    background:
      'repeating-linear-gradient(135deg, #e5e5e5 0 3px, #f7f7f7 3px 6px)',
  },
};
