import {
  HeatmapSlice,
  NamespaceTier,
} from '@internal/backstage-plugin-ingestion-common';
import { Flex, Text } from '@backstage/ui';
import { formatNumber } from '../../lib/format';
import { TIER_LABELS } from '../../lib/jobLabels';
import { SLICE_LEVELS, sliceLevel } from './sliceLevel';
import { hourLabel, sliceWindow } from './sliceTime';

/** One slice of one tier, as the grid and the details panel point at it. */
export interface SlicePointer {
  tier: NamespaceTier;
  index: number;
}

const ROW_HEADER_WIDTH = 190;
const CELL_HEIGHT = 30;

const percent = (u: number) => `${formatNumber(100 * u, 0)}%`;

function cellLabel(namespace: string, slice: HeatmapSlice, minutes: number) {
  const jobs = slice.jobs.length;
  return `${namespace}, ${sliceWindow(
    slice.sliceStart,
    minutes,
  )}: ${formatNumber(slice.committedCores)} of ${formatNumber(
    slice.capacityCores,
  )} cores committed (${percent(slice.utilisation)})${
    jobs ? `, ${jobs} ${jobs === 1 ? 'job' : 'jobs'}` : ''
  }`;
}

/**
 * The slice calendar as a grid: one row per namespace tier, one cell per slice, filled by how much of the
 * namespace is committed; hour labels above. Cells are buttons: hovering or focusing one previews it, clicking
 * pins it.
 */
export const HeatmapGrid = (props: {
  tiers: Array<{
    tier: NamespaceTier;
    namespace: string;
    slices: HeatmapSlice[];
  }>;
  sliceMinutes: number;
  selected?: SlicePointer;
  onPreview(pointer: SlicePointer | undefined): void;
  onSelect(pointer: SlicePointer): void;
}) => {
  const { tiers, sliceMinutes, selected, onPreview, onSelect } = props;
  const columns = Math.max(...tiers.map(t => t.slices.length), 1);
  const header = tiers.find(t => t.slices.length === columns)?.slices ?? [];
  const grid = {
    display: 'grid',
    gridTemplateColumns: `${ROW_HEADER_WIDTH}px repeat(${columns}, minmax(0, 1fr))`,
    columnGap: 2,
  } as const;

  return (
    <div
      role="group"
      aria-label="Slice heatmap"
      onMouseLeave={() => onPreview(undefined)}
    >
      <div style={{ ...grid, height: 20, marginBottom: 4 }} aria-hidden>
        {header.map((slice, i) => {
          const label = hourLabel(slice.sliceStart);
          return label ? (
            <span
              key={slice.sliceStart}
              style={{
                gridColumn: `${i + 2} / span 8`,
                gridRow: 1,
                fontSize: 11,
                color: 'var(--bui-fg-secondary)',
                whiteSpace: 'nowrap',
                borderLeft: '1px solid var(--bui-border-1)',
                paddingLeft: 3,
              }}
            >
              {label}
            </span>
          ) : null;
        })}
      </div>
      <Flex direction="column" gap="2">
        {tiers.map(({ tier, namespace, slices }) => {
          const peak = Math.max(0, ...slices.map(s => s.utilisation));
          const capacity = slices[0];
          return (
            <div key={tier} style={grid} data-testid={`heatmap-row-${tier}`}>
              <Flex
                direction="column"
                gap="0"
                justify="center"
                style={{ paddingRight: 12, minWidth: 0 }}
              >
                <Text variant="body-medium" weight="bold" truncate>
                  {namespace}
                </Text>
                <Text variant="body-x-small" color="secondary" truncate>
                  {TIER_LABELS[tier]}
                  {capacity
                    ? ` · ${formatNumber(
                        capacity.capacityCores,
                      )} cores · peak ${percent(peak)}`
                    : ' · no slices'}
                </Text>
              </Flex>
              {slices.map((slice, index) => {
                const level = sliceLevel(slice);
                const isSelected =
                  selected?.tier === tier && selected.index === index;
                return (
                  <button
                    key={slice.sliceStart}
                    type="button"
                    data-level={level}
                    aria-label={cellLabel(namespace, slice, sliceMinutes)}
                    aria-pressed={isSelected}
                    onMouseEnter={() => onPreview({ tier, index })}
                    onFocus={() => onPreview({ tier, index })}
                    onClick={() => onSelect({ tier, index })}
                    style={{
                      height: CELL_HEIGHT,
                      minWidth: 0,
                      padding: 0,
                      border: 'none',
                      borderRadius: 2,
                      cursor: 'pointer',
                      background: SLICE_LEVELS[level].background,
                      outline: isSelected
                        ? '2px solid var(--bui-fg-primary)'
                        : undefined,
                      outlineOffset: 1,
                    }}
                  />
                );
              })}
            </div>
          );
        })}
      </Flex>
    </div>
  );
};
