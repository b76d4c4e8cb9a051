import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';

/** A headline number with its unit, under a label, with optional detail lines below. */
export const StatCard = (props: {
  label: string;
  value: ReactNode;
  unit?: ReactNode;
  children?: ReactNode;
  'data-testid'?: string;
}) => {
  const { label, value, unit, children } = props;
  return (
    <Card data-testid={props['data-testid']} style={{ height: '100%' }}>
      <CardHeader>
        <Text variant="body-medium" color="secondary" weight="bold">
          {label}
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Flex align="baseline" gap="2">
            <Text variant="title-large" weight="bold">
              {value}
            </Text>
            {unit && (
              <Text variant="body-large" color="secondary">
                {unit}
              </Text>
            )}
          </Flex>
          {children}
        </Flex>
      </CardBody>
    </Card>
  );
};
