import { Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';

/** One labelled value; absent values (undefined) are left out of the list. */
export type Field = [label: string, value: ReactNode | undefined];

/** A titled group of labelled values, as a description list: label on the left, value on the right. */
export const FieldList = (props: { title: string; fields: Field[] }) => {
  const shown = props.fields.filter(([, value]) => value !== undefined);
  return (
    <Flex direction="column" gap="2">
      <Text
        as="h3"
        variant="body-small"
        weight="bold"
        color="secondary"
        style={{ textTransform: 'uppercase', letterSpacing: '0.04em' }}
      >
        {props.title}
      </Text>
      <dl
        aria-label={props.title}
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(110px, max-content) 1fr',
          columnGap: 16,
          rowGap: 6,
          margin: 0,
        }}
      >
        {shown.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>
              <Text variant="body-medium" color="secondary">
                {label}
              </Text>
            </dt>
            <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
              <Text variant="body-medium">{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </Flex>
  );
};
