import { Flex, Text } from '@backstage/ui';
import { SLICE_LEVELS, SliceLevel } from './sliceLevel';

const SHOWN: SliceLevel[] = [
  'idle',
  'low',
  'medium',
  'high',
  'busy',
  'full',
  'over',
  'no-capacity',
];

/** What each fill of the heatmap means. */
export const HeatmapLegend = () => (
  <Flex
    gap="3"
    align="center"
    style={{ flexWrap: 'wrap' }}
    aria-label="Legend"
    role="list"
  >
    <Text variant="body-small" color="secondary">
      Committed of capacity:
    </Text>
    {SHOWN.map(level => (
      <Flex key={level} gap="1" align="center" role="listitem">
        <span
          aria-hidden
          style={{
            width: 14,
            height: 14,
            borderRadius: 3,
            background: SLICE_LEVELS[level].background,
            border: '1px solid var(--bui-border-1)',
          }}
        />
        <Text variant="body-small">{SLICE_LEVELS[level].label}</Text>
      </Flex>
    ))}
  </Flex>
);
