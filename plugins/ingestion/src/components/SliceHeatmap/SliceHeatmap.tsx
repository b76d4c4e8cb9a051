import { ResponseErrorPanel } from '@backstage/core-components';
import {
  DEFAULT_NAMESPACE_NAMES,
  NamespaceAllocation,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
import { RiRefreshLine } from '@remixicon/react';
import { useState } from 'react';
import { serverMessage } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { SectionTitle } from '../SectionTitle';
import { HeatmapGrid, SlicePointer } from './HeatmapGrid';
import { HeatmapLegend } from './HeatmapLegend';
import { SliceDetails } from './SliceDetails';
import { useSliceHeatmap } from './useSliceHeatmap';

const HOURS = 24;
const DEFAULT_SLICE_MINUTES = 15;

/** The slice length, from the first two slices' starts. */
const sliceMinutesOf = (starts: string[]) =>
  starts.length > 1
    ? (Date.parse(starts[1]) - Date.parse(starts[0])) / 60_000
    : DEFAULT_SLICE_MINUTES;

/**
 * The slice calendar of every namespace for the next 24 hours, for platform admins (requirement 7): per namespace
 * a row of 15-minute slices, each filled by the capacity scheduled runs commit against what the namespace holds,
 * over-commitment set apart. Hovering a slice previews its figures and jobs below; clicking pins it.
 */
export const SliceHeatmap = (props: { namespaces?: NamespaceAllocation[] }) => {
  const state = useSliceHeatmap(HOURS);
  const [pinned, setPinned] = useState<SlicePointer>();
  const [preview, setPreview] = useState<SlicePointer>();

  const namespaceOf = (tier: NamespaceAllocation['tier']) =>
    props.namespaces?.find(ns => ns.tier === tier)?.namespace ??
    DEFAULT_NAMESPACE_NAMES[tier];

  const value = state.value;
  const tiers = value?.tiers.map(t => ({
    ...t,
    namespace: namespaceOf(t.tier),
  }));
  const shown = preview ?? pinned;
  const shownTier = shown && tiers?.find(t => t.tier === shown.tier);
  const shownSlice = shownTier?.slices[shown!.index];
  const sliceMinutes = sliceMinutesOf(
    tiers?.[0]?.slices.slice(0, 2).map(s => s.sliceStart) ?? [],
  );

  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="start" gap="3">
          <SectionTitle
            title="Slice calendar"
            subtitle="Capacity committed by scheduled runs against what each namespace holds, in 15-minute slices over the next 24 hours. Hover over a slice for its jobs; click to keep it."
          />
          <Flex align="center" gap="3" style={{ flexShrink: 0 }}>
            {value && (
              <Text variant="body-small" color="secondary">
                {state.loading
                  ? 'Updating…'
                  : `Updated at ${formatTime(value.fetchedAt)}`}
              </Text>
            )}
            <Button
              size="small"
              variant="secondary"
              iconStart={<RiRefreshLine size={16} />}
              isDisabled={state.loading}
              onPress={state.retry}
            >
              Refresh
            </Button>
          </Flex>
        </Flex>
      </CardHeader>
      <CardBody>
        {!value && state.error && <ResponseErrorPanel error={state.error} />}
        {!value && !state.error && <Skeleton width="100%" height={120} />}
        {value && tiers && (
          <Flex direction="column" gap="4">
            {state.error && (
              <Alert
                status="warning"
                icon
                title="Could not refresh; showing the last calendar"
                description={serverMessage(state.error)}
              />
            )}
            <HeatmapGrid
              tiers={tiers}
              sliceMinutes={sliceMinutes}
              selected={pinned}
              onPreview={setPreview}
              onSelect={pointer => {
                setPinned(pointer);
                setPreview(undefined);
              }}
            />
            <HeatmapLegend />
            <div
              style={{
                borderTop: '1px solid var(--bui-border-1)',
                paddingTop: 16,
                minHeight: 120,
              }}
            >
              {shownTier && shownSlice ? (
                <SliceDetails
                  namespace={shownTier.namespace}
                  slice={shownSlice}
                  sliceMinutes={sliceMinutes}
                  jobs={value.jobs}
                  pinned={!preview && !!pinned}
                  now={value.fetchedAt}
                />
              ) : (
                <Text color="secondary">
                  Hover over or click a slice to see what is committed in it and
                  by which jobs.
                </Text>
              )}
            </div>
          </Flex>
        )}
      </CardBody>
    </Card>
  );
};
