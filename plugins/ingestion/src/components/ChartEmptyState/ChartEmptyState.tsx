import { Flex, Text } from '@backstage/ui';

/** Stands in for a chart that has nothing to plot yet, at the chart's height. */
export const ChartEmptyState = (props: { height: number; message: string }) => (
  <Flex
    align="center"
    justify="center"
    style={{
      height: props.height,
      borderRadius: 8,
      border: '1px dashed var(--bui-border-1)',
      textAlign: 'center',
      padding: 16,
    }}
  >
    <Text color="secondary">{props.message}</Text>
  </Flex>
);
